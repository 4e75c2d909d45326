import { SummaryPayload } from '@alex/contracts';
import { account, createUserJob } from '@alex/testing';
import { Usage } from '@openai/agents-core';
import { functionCall, ScriptedModel } from '@openai/agents-core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { runPlanner } from '../src';
import { plannerFixture } from './support';

const usage = () => new Usage({ requests: 1, inputTokens: 100, outputTokens: 20, totalTokens: 120 });
const calls = (...names: string[]) =>
  names.map((name, i) => functionCall(name, {}, { callId: `call_${i}_${name}` }));
const turn = (output: unknown[]) => ({ output, usage: usage() }) as never;

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function setup(...args: Parameters<typeof plannerFixture>) {
  const fixture = await plannerFixture(...args);
  close = fixture.database.close;
  return fixture;
}

async function summaryOf(fixture: Awaited<ReturnType<typeof setup>>) {
  const job = await fixture.database.repos.jobs.find(fixture.job.id);
  return { job, summary: SummaryPayload.parse(job?.summaryPayload) };
}

describe('runPlanner', () => {
  it('runs every specialist the rules require when no model is configured', async () => {
    const fixture = await setup({});
    const outcome = await runPlanner({ jobId: fixture.job.id }, fixture.deps);
    expect(outcome).toEqual({ kind: 'finished', jobId: fixture.job.id, status: 'completed' });
    expect(fixture.invoker.calls.map((c) => c.agent).sort()).toEqual(['charter', 'reporter', 'retirement']);
    const { job, summary } = await summaryOf(fixture);
    expect(job?.errorMessage).toBeNull();
    expect(summary.outcome).toBe('complete');
    expect(summary.plan).toMatchObject({
      source: 'offline',
      required: ['reporter', 'charter', 'retirement'],
    });
  });

  it('falls back to the rules when the model calls a tool that does not exist', async () => {
    const model = new ScriptedModel([turn(calls('invoke_everything'))]);
    const fixture = await setup({}, model);
    await runPlanner({ jobId: fixture.job.id }, fixture.deps);
    const { job, summary } = await summaryOf(fixture);
    expect(job?.status).toBe('completed');
    expect(summary.plan.source).toBe('fallback');
    expect(summary.plan.note).toMatch(/invoke_everything/);
    expect(fixture.invoker.calls.map((c) => c.agent).sort()).toEqual(['charter', 'reporter', 'retirement']);
  });

  it('completes with outcome partial when one specialist throws, naming it in error_message', async () => {
    const fixture = await setup({
      charter: async () => {
        throw new Error('charter crashed');
      },
    });
    await runPlanner({ jobId: fixture.job.id }, fixture.deps);
    const { job, summary } = await summaryOf(fixture);
    expect(job?.status).toBe('completed');
    expect(summary.outcome).toBe('partial');
    expect(summary.agents.charter).toMatchObject({ status: 'failed', error: 'charter crashed' });
    expect(job?.errorMessage).toBe('partial result: charter: charter crashed');
    expect(summary.gaps).toEqual([
      {
        kind: 'analysis_failed',
        symbols: [],
        detail: 'The charts could not be made: charter crashed.',
        value_left_out: null,
      },
    ]);
  });

  it('fails the job when every specialist fails', async () => {
    const failing = async () => ({ ok: false as const, error: 'down' });
    const fixture = await setup({ reporter: failing, charter: failing, retirement: failing });
    const outcome = await runPlanner({ jobId: fixture.job.id }, fixture.deps);
    expect(outcome).toMatchObject({ kind: 'finished', status: 'failed' });
    const { job, summary } = await summaryOf(fixture);
    expect(summary.outcome).toBe('failed');
    expect(job?.errorMessage).toContain('every specialist failed');
  });

  it('does nothing for a duplicate delivery of a job already claimed', async () => {
    const fixture = await setup({});
    await runPlanner({ jobId: fixture.job.id }, fixture.deps);
    const second = await runPlanner({ jobId: fixture.job.id }, fixture.deps);
    expect(second).toEqual({ kind: 'duplicate', jobId: fixture.job.id, status: 'completed' });
    expect(fixture.invoker.calls).toHaveLength(3);
  });

  it('fails a job whose user has no accounts and no goals, touching no other job', async () => {
    const fixture = await setup({});
    const { repos } = fixture.database;
    const job = await createUserJob(repos, 'empty_user', { displayName: 'E' });
    await runPlanner({ jobId: job.id }, fixture.deps);
    expect(await repos.jobs.find(job.id)).toMatchObject({
      status: 'failed',
      errorMessage: 'the user has no accounts to analyse and no retirement goals',
    });
    expect(SummaryPayload.parse((await repos.jobs.find(job.id))?.summaryPayload)).toMatchObject({
      outcome: 'failed',
      agents: {},
      plan: { note: 'not planned: the user has no accounts to analyse and no retirement goals' },
    });
    expect((await repos.jobs.find(fixture.job.id))?.status).toBe('pending');
    expect(fixture.invoker.calls).toEqual([]);
  });

  it('projects retirement for a user with goals and no accounts yet', async () => {
    const fixture = await setup({});
    const { repos } = fixture.database;
    const goals = { yearsUntilRetirement: 30, targetRetirementIncome: 20_000, annualContribution: 12_000 };
    const job = await createUserJob(repos, 'goals_only', { displayName: 'G', ...goals });
    await runPlanner({ jobId: job.id }, fixture.deps);
    expect((await repos.jobs.find(job.id))?.status).toBe('completed');
    expect(fixture.invoker.calls.map((call) => call.agent)).toEqual(['retirement']);
  });

  it('asks the tagger once per unclassified symbol held', async () => {
    const fixture = await setup({});
    const { repos } = fixture.database;
    await repos.instruments.createPlaceholders(['NEWCO']);
    await repos.portfolios.replaceAccounts('test_user_001', [
      account('A', [
        { symbol: 'NEWCO', quantity: 1 },
        { symbol: 'SPY', quantity: 1 },
      ]),
      account('B', [{ symbol: 'NEWCO', quantity: 2 }]),
    ]);
    await runPlanner({ jobId: fixture.job.id }, fixture.deps);
    const tagging = fixture.invoker.calls.filter((c) => c.agent === 'tagger');
    // The job id rides along for the tagger's logs and traces only.
    expect(tagging.map((c) => c.event)).toEqual([
      { instruments: [{ symbol: 'NEWCO', name: 'NEWCO' }], job_id: fixture.job.id },
    ]);
  });
});
