import { setTimeout as delay } from 'node:timers/promises';
import type { AnalysisJobMessage } from '@alex/contracts';
import { createMemoryLogger } from '@alex/runtime';
import { createRunningJob, openSeededDatabase, type SeededDatabase } from '@alex/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createPlannerHandler,
  isLocalOwnerAlive,
  localClaimOwner,
  type SweepDeps,
  sweepAbandonedJobs,
} from '../src';
import { plannerFixture } from './support';

let database: SeededDatabase;
let sent: AnalysisJobMessage[];

beforeEach(async () => {
  database = await openSeededDatabase();
  sent = [];
});
afterEach(() => database.close());

function sweepDeps(overrides: Partial<SweepDeps> = {}): SweepDeps {
  return {
    repos: database.repos,
    enqueue: async (message) => {
      sent.push(message);
    },
    maxAttempts: 3,
    pendingAfterMs: 10 * 60_000,
    logger: createMemoryLogger('sweep'),
    ...overrides,
  };
}

/** A job claimed `attempts` times, by owners whose 1 ms leases have all expired. */
async function abandonedJob(attempts = 1) {
  const job = await createRunningJob(database.repos, { owner: 'lambda:gone/1', leaseMs: 1 });
  for (let n = 2; n <= attempts; n++) {
    await delay(5);
    await database.repos.jobs.claim(job.id, { owner: `lambda:gone/${n}`, leaseMs: 1 });
  }
  await delay(5);
  return job;
}

describe('sweepAbandonedJobs', () => {
  it('hands a running job whose lease expired back to pending and re-sends its message', async () => {
    const job = await abandonedJob();
    const report = await sweepAbandonedJobs(sweepDeps());
    expect(report).toEqual({ resumed: [job.id], failed: [], resent: [] });
    expect(await database.repos.jobs.find(job.id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      claimedBy: null,
    });
    expect(sent).toEqual([{ job_id: job.id, clerk_user_id: 'test_user_001' }]);
  });

  it('fails an abandoned job that has used every attempt, with a summary saying why', async () => {
    const job = await abandonedJob(3);
    const report = await sweepAbandonedJobs(sweepDeps());
    expect(report).toEqual({ resumed: [], failed: [job.id], resent: [] });
    const failed = await database.repos.jobs.find(job.id);
    expect(failed).toMatchObject({
      status: 'failed',
      errorMessage: 'the analysis was interrupted 3 times and has been stopped; run it again',
      summaryPayload: { outcome: 'failed' },
    });
    expect(failed?.completedAt).toBeInstanceOf(Date);
    expect(sent).toEqual([]);
  });

  it('takes a job from a dead local process before its lease expires', async () => {
    const owner = `${localClaimOwner(undefined, 2 ** 22 + 12_345)}/run1`;
    expect(isLocalOwnerAlive(owner)).toBe(false);
    const job = await createRunningJob(database.repos, { owner, leaseMs: 600_000 });
    const report = await sweepAbandonedJobs(sweepDeps({ isOwnerAlive: isLocalOwnerAlive }));
    expect(report.resumed).toEqual([job.id]);
    expect(await database.repos.jobs.find(job.id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(sent.map((message) => message.job_id)).toEqual([job.id]);
  });

  it('leaves a live claim alone: a live local process, or an unknown owner within its lease', async () => {
    const local = await createRunningJob(database.repos, {
      owner: `${localClaimOwner()}/run1`,
      leaseMs: 600_000,
    });
    const lambda = await createRunningJob(database.repos, { owner: 'lambda:req/a', leaseMs: 600_000 });
    const report = await sweepAbandonedJobs(sweepDeps({ isOwnerAlive: isLocalOwnerAlive }));
    expect(report).toEqual({ resumed: [], failed: [], resent: [] });
    for (const job of [local, lambda])
      expect(await database.repos.jobs.find(job.id)).toMatchObject({ status: 'running', attempts: 1 });
    expect(sent).toEqual([]);
  });

  it('re-sends a pending job idle longer than pendingAfterMs, and not a fresh one', async () => {
    const stale = await database.repos.jobs.create({
      clerkUserId: 'test_user_001',
      jobType: 'portfolio_analysis',
      requestPayload: null,
    });
    await delay(400);
    const fresh = await database.repos.jobs.create({
      clerkUserId: 'test_user_001',
      jobType: 'portfolio_analysis',
      requestPayload: null,
    });
    const report = await sweepAbandonedJobs(sweepDeps({ pendingAfterMs: 300 }));
    expect(report).toEqual({ resumed: [], failed: [], resent: [stale.id] });
    expect(sent.map((message) => message.job_id)).toEqual([stale.id]);
    expect((await database.repos.jobs.find(fresh.id))?.status).toBe('pending');
  });

  it("re-sends a dead submitter's pending job at once and leaves a live submitter's alone", async () => {
    const pending = (submitter: string) =>
      database.repos.jobs.create({
        clerkUserId: 'test_user_001',
        jobType: 'portfolio_analysis',
        requestPayload: { analysis_type: 'portfolio', submitted_by: submitter },
      });
    const orphan = await pending(localClaimOwner(undefined, 999_999_999));
    const live = await pending(localClaimOwner());
    const report = await sweepAbandonedJobs(
      sweepDeps({ isOwnerAlive: isLocalOwnerAlive, pendingAfterMs: 0 }),
    );
    expect(report.resent).toEqual([orphan.id]);
    expect(sent.map((message) => message.job_id)).toEqual([orphan.id]);
    expect((await database.repos.jobs.find(live.id))?.status).toBe('pending');
  });

  it('never touches a finished job', async () => {
    const job = await createRunningJob(database.repos, { owner: 'lambda:gone/a' });
    await database.repos.jobs.finish(job.id, 'completed');
    expect(await sweepAbandonedJobs(sweepDeps({ pendingAfterMs: 0 }))).toEqual({
      resumed: [],
      failed: [],
      resent: [],
    });
  });
});

describe('planner handler on the scheduled sweep', () => {
  it('sweeps on {"sweep": true} and reports what it did', async () => {
    const fixture = await plannerFixture({});
    try {
      const job = await createRunningJob(fixture.database.repos, { owner: 'lambda:gone/a', leaseMs: 1 });
      await delay(5);
      const messages: AnalysisJobMessage[] = [];
      const handler = createPlannerHandler(fixture.deps, {
        enqueue: async (message) => messages.push(message),
      });
      const report = await handler({ sweep: true });
      expect(report).toEqual({ resumed: [job.id], failed: [], resent: [] });
      expect(messages.map((message) => message.job_id)).toEqual([job.id]);
    } finally {
      await fixture.database.close();
    }
  });
});
