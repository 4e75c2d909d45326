import { SummaryPayload } from '@alex/contracts';
import { recordingMetrics } from '@alex/testing';
import { Usage } from '@openai/agents-core';
import { assistantMessage, ScriptedModel } from '@openai/agents-core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { runPlanner } from '../src';
import { plannerFixture, succeeded } from './support';

const plan = JSON.stringify({
  confidence: 0.9,
  steps: ['retirement', 'charter', 'reporter'].map((agent) => ({
    agent,
    stage: agent === 'reporter' ? 2 : 1,
    emphasis: '',
    scenarios: [],
    charts: [],
    rationale: `${agent} applies`,
    confidence: 0.9,
  })),
});
const planAnswer = () =>
  ({
    output: [assistantMessage(plan)],
    usage: new Usage({ requests: 1, inputTokens: 1_000, outputTokens: 200, totalTokens: 1_200 }),
  }) as never;

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** Runs the seeded job with a scripted planner model and the given specialist behaviours; returns what was counted. */
async function countedJob(behaviours = {}) {
  const fixture = await plannerFixture(
    {
      reporter: async () => succeeded('reporter', 'scripted-model'),
      charter: async () => succeeded('charter', 'scripted-model'),
      retirement: async () => succeeded('retirement', 'scripted-model'),
      ...behaviours,
    },
    new ScriptedModel([planAnswer()]),
  );
  close = fixture.database.close;
  const metrics = recordingMetrics();
  // $1 per million input tokens and $2 per million output tokens, so the dollars can be checked by hand.
  const modelPrices = { 'scripted-model': { input: 1, output: 2 } };
  await runPlanner({ jobId: fixture.job.id }, { ...fixture.deps, metrics, modelPrices });
  const stored = await fixture.database.repos.jobs.find(fixture.job.id);
  return { metrics, summary: SummaryPayload.parse(stored?.summaryPayload) };
}

describe('metrics of a finished job', () => {
  it('counts a complete job once, with each agent’s duration, the tokens and the dollars', async () => {
    const { metrics, summary } = await countedJob();
    expect(summary.outcome).toBe('complete');
    expect(metrics.values('JobsComplete')).toEqual([1]);
    expect(metrics.values('JobsPartial')).toEqual([]);
    expect(metrics.values('JobsFailed')).toEqual([]);
    for (const agent of ['reporter', 'charter', 'retirement'])
      expect(metrics.values('AgentDurationMs', { agent })).toHaveLength(1);
    // Planner 1,000 in / 200 out, three specialists 10 in / 5 out each: 1,030 in and 215 out.
    expect(metrics.values('ModelInputTokens', { model: 'scripted-model' })).toEqual([1_030]);
    expect(metrics.values('ModelOutputTokens', { model: 'scripted-model' })).toEqual([215]);
    // 1,030 x $1/M + 215 x $2/M = $0.00146.
    expect(metrics.values('ModelCostUsd', { model: 'scripted-model' })).toEqual([0.00146]);
    expect(metrics.values('JobCostUsd')).toEqual([0.00146]);
    expect(summary.cost).toEqual({
      total_usd: 0.00146,
      by_agent: { planner: 0.0014, reporter: 0.00002, charter: 0.00002, retirement: 0.00002 },
      unpriced_models: [],
    });
    expect(metrics.values('Fallbacks')).toEqual([]);
  });

  it('counts a partial job, the specialist that failed, and a fallback with its reason', async () => {
    const { metrics, summary } = await countedJob({
      charter: async () => ({ ok: false as const, error: 'charter timed out' }),
      reporter: async () => ({
        ok: true as const,
        payload: {
          ...(succeeded('reporter', 'offline') as { payload: object }).payload,
          usage_model: 'scripted-model',
          detail: 'model text rejected: figures not in the facts: $7,654,321 (model scripted-model)',
        },
      }),
    });
    expect(summary.outcome).toBe('partial');
    expect(metrics.values('JobsPartial')).toEqual([1]);
    expect(metrics.values('JobsComplete')).toEqual([]);
    expect(metrics.values('SpecialistFailures', { agent: 'charter' })).toEqual([1]);
    expect(metrics.values('Fallbacks', { agent: 'reporter', reason: 'text_rejected' })).toEqual([1]);
    expect(metrics.values('DataGaps', { kind: 'model_failed' })).toEqual([1]);
    // The rejected text still cost its tokens: they are counted against the model that spent them.
    expect(summary.cost?.by_agent.reporter).toBe(0.00002);
    expect(metrics.values('ModelInputTokens', { model: 'scripted-model' })).toEqual([1_020]);
  });

  it('counts a failed job, whether its specialists all failed or it never got to run them', async () => {
    const down = async () => ({ ok: false as const, error: 'down' });
    const { metrics, summary } = await countedJob({ reporter: down, charter: down, retirement: down });
    expect(summary.outcome).toBe('failed');
    expect(metrics.values('JobsFailed')).toEqual([1]);
    expect(metrics.values('SpecialistFailures')).toEqual([1, 1, 1]);

    const fixture = await plannerFixture({});
    // A user with no accounts and no goals: the planner fails the job before any specialist runs.
    await fixture.database.repos.users.findOrCreate({
      clerkUserId: 'nothing_yet',
      displayName: null,
      yearsUntilRetirement: null,
      targetRetirementIncome: null,
    });
    const unknownUser = await fixture.database.repos.jobs.create({
      clerkUserId: 'nothing_yet',
      jobType: 'portfolio_analysis',
      requestPayload: { analysis_type: 'portfolio' },
    });
    const counted = recordingMetrics();
    await runPlanner({ jobId: unknownUser.id }, { ...fixture.deps, metrics: counted });
    await fixture.database.close();
    expect(counted.values('JobsFailed')).toEqual([1]);
  });
});
