import { valuePortfolio } from '@alex/analytics';
import { ChartsPayload, ReportPayload, RetirementPayload, SummaryPayload } from '@alex/contracts';
import { OFFLINE } from '@alex/llm';
import type { ProgressEvent } from '@alex/local-stack';
import { buildLocalAgents, type LocalStack, startLocalStack } from '@alex/local-stack';
import { createMemoryLogger, systemClock } from '@alex/runtime';
import { openSeededDatabase, type SeededDatabase } from '@alex/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForJob } from '../src/wait-for-job';

let database: SeededDatabase;
let stack: LocalStack;
const progress: ProgressEvent[] = [];
let charterFails = false;

beforeAll(async () => {
  database = await openSeededDatabase();
  const logger = createMemoryLogger('flow');
  const options = {
    repos: database.repos,
    llm: OFFLINE,
    logger,
    clock: systemClock,
    onProgress: (e: ProgressEvent) => progress.push(e),
  };
  const charter = buildLocalAgents(options).handlers.charter;
  const rebuilt = buildLocalAgents({
    ...options,
    overrides: {
      charter: async (event) => {
        if (charterFails) throw new Error('charter bundle crashed');
        return charter(event);
      },
    },
  });
  stack = await startLocalStack({ planner: rebuilt.handlers.planner, logger, visibilityTimeoutSeconds: 1 });
});
afterAll(async () => {
  await stack.stop();
  await database.close();
});

async function submitJob() {
  const job = await database.repos.jobs.create({
    clerkUserId: 'test_user_001',
    jobType: 'portfolio_analysis',
    requestPayload: {},
  });
  await stack.submit({
    job_id: job.id,
    clerk_user_id: 'test_user_001',
    analysis_type: 'portfolio',
    options: {},
  });
  return waitForJob(database.repos.jobs, job.id, 60_000);
}

const invocations = (agent: string) =>
  progress.filter((e) => e.agent === agent && e.phase === 'started').length;

describe('the full flow through the local queue', () => {
  it('completes a job for test_user_001 with all four payloads, charts reconciling to the valuation', async () => {
    const job = await submitJob();
    expect(job).toMatchObject({ status: 'completed', errorMessage: null, attempts: 1 });
    const summary = SummaryPayload.parse(job.summaryPayload);
    expect(summary).toMatchObject({ outcome: 'complete', plan: { source: 'offline' } });
    expect(ReportPayload.parse(job.reportPayload).model).toBe('offline');
    expect(RetirementPayload.parse(job.retirementPayload).simulation.paths).toBe(10_000);
    const charts = ChartsPayload.parse(job.chartsPayload);
    const portfolio = await database.repos.portfolios.load('test_user_001');
    const total = valuePortfolio(
      portfolio ??
        (() => {
          throw new Error('no portfolio');
        })(),
    ).total;
    const sum = (key: string) =>
      Math.round((charts[key]?.data ?? []).reduce((t, d) => t + d.value, 0) * 100) / 100;
    expect(total).toBe(99437.5);
    expect(sum('asset_allocation')).toBe(total);
    expect(sum('account_breakdown')).toBe(total);
  });

  it('runs a job once when its message is delivered twice', async () => {
    const before = invocations('reporter');
    const job = await database.repos.jobs.create({
      clerkUserId: 'test_user_001',
      jobType: 'portfolio_analysis',
      requestPayload: {},
    });
    const message = { job_id: job.id, clerk_user_id: 'test_user_001' };
    await Promise.all([stack.submit(message), stack.submit(message)]);
    const finished = await waitForJob(database.repos.jobs, job.id, 60_000);
    expect(finished).toMatchObject({ status: 'completed', attempts: 1 });
    await stack.submit(message);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(invocations('reporter') - before).toBe(1);
  });

  it('ends completed with outcome partial when the charter throws', async () => {
    charterFails = true;
    try {
      const job = await submitJob();
      expect(job.status).toBe('completed');
      expect(job.errorMessage).toBe('partial result: charter: charter failed: charter bundle crashed');
      expect(SummaryPayload.parse(job.summaryPayload).outcome).toBe('partial');
      expect(job.chartsPayload).toBeNull();
      expect(job.reportPayload).not.toBeNull();
    } finally {
      charterFails = false;
    }
  });

  it('sends a malformed message to the dead-letter queue after 3 receives while the good job completes', async () => {
    await stack.sendRaw('{"job_id": ');
    const job = await submitJob();
    expect(job.status).toBe('completed');
    const deadline = Date.now() + 20_000;
    while ((await stack.deadLetters()) < 1 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    expect(await stack.deadLetters()).toBe(1);
  });
});
