import type { ModelRequest } from '@openai/agents-core';
import { describe, expect, it } from 'vitest';
import { delayedModel } from '../src/delayed-model';

const request = (tools: string[], systemInstructions = '', input: ModelRequest['input'] = 'go') =>
  ({ tools: tools.map((name) => ({ name })), systemInstructions, input }) as unknown as ModelRequest;

describe('delayedModel', () => {
  it('has the planner call the three specialists at once, then stop once their results are in', async () => {
    const model = delayedModel(0);
    const first = await model.getResponse(
      request(['invoke_reporter', 'invoke_charter', 'invoke_retirement']),
    );
    expect(first.output.map((item) => (item as { name?: string }).name)).toEqual([
      'invoke_reporter',
      'invoke_charter',
      'invoke_retirement',
    ]);
    const done = await model.getResponse(
      request(['invoke_reporter'], '', [
        { type: 'function_call_result' },
      ] as unknown as ModelRequest['input']),
    );
    expect(done.output).toHaveLength(1);
    expect(model.calls).toBe(2);
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
