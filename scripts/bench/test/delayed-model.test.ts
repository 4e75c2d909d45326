import type { ModelRequest } from '@openai/agents-core';
import { describe, expect, it } from 'vitest';
import { delayedModel } from '../src/delayed-model';

const request = (tools: string[], systemInstructions = '', input: ModelRequest['input'] = 'go') =>
  ({ tools: tools.map((name) => ({ name })), systemInstructions, input }) as unknown as ModelRequest;

describe('delayedModel', () => {
  it('answers the planner with a plan running the three specialists at once', async () => {
    const model = delayedModel(0);
    const answer = await model.getResponse(request([], 'You plan a portfolio analysis carried out by three'));
    const text = (answer.output[0] as { content: { text: string }[] }).content[0]?.text ?? '';
    const plan = JSON.parse(text) as { steps: { agent: string; stage: number }[] };
    expect(plan.steps.map((step) => [step.agent, step.stage])).toEqual([
      ['reporter', 1],
      ['charter', 1],
      ['retirement', 1],
    ]);
    expect(model.calls).toBe(1);
  });

  it('answers the charter with a chart choice and everyone else with a report', async () => {
    const model = delayedModel(0);
    const chart = await model.getResponse(request([], 'You choose and describe charts for a portfolio'));
    expect(JSON.stringify(chart.output)).toContain('asset_allocation');
    const report = await model.getResponse(request([], 'You write reports'));
    expect(JSON.stringify(report.output)).toContain('# Portfolio review');
  });

  it('waits the given time before answering', async () => {
    const started = Date.now();
    await delayedModel(30).getResponse(request([]));
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
});
