import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createUserJob, useTestDatabase } from './support/file-database';
import { TEST_DRIVER } from './support/test-database';

const MINUTE = 60_000;
const OWNER = { owner: 'test:owner', leaseMs: 2 * MINUTE };
const OTHER = { owner: 'test:other', leaseMs: 2 * MINUTE };

describe(`jobs repository on ${TEST_DRIVER}`, () => {
  const database = useTestDatabase();
  const newJob = (clerkUserId: string) =>
    createUserJob(database.repos, clerkUserId, { requestPayload: { source: 'test' } });

  it('creates a pending job with no attempts, stamped with the current UTC time', async () => {
    const job = await newJob('jobs_create');
    expect(job).toMatchObject({
      clerkUserId: 'jobs_create',
      jobType: 'portfolio_analysis',
      status: 'pending',
      attempts: 0,
      requestPayload: { source: 'test' },
      reportPayload: null,
      errorMessage: null,
      startedAt: null,
      claimedAt: null,
      completedAt: null,
    });
    // A timestamp read in local time (TZ=America/New_York) would be four or five hours off.
    expect(Math.abs(job.createdAt.getTime() - Date.now())).toBeLessThan(MINUTE);
    expect(await database.repos.jobs.find(job.id)).toEqual(job);
  });

  it('claims a pending job once: running, one attempt, owner, start, claim and lease times set', async () => {
    const job = await newJob('jobs_claim');
    const claim = await database.repos.jobs.claim(job.id, OWNER);
    if (!claim.ok) throw new Error(`claim refused: ${claim.error.reason}`);
    expect(claim.job).toMatchObject({ id: job.id, status: 'running', attempts: 1, claimedBy: 'test:owner' });
    expect(Math.abs((claim.job.startedAt?.getTime() ?? 0) - Date.now())).toBeLessThan(MINUTE);
    expect(Math.abs((claim.job.claimedAt?.getTime() ?? 0) - Date.now())).toBeLessThan(MINUTE);
    const leaseLeft = (claim.job.leaseExpiresAt?.getTime() ?? 0) - Date.now();
    expect(leaseLeft).toBeGreaterThan(MINUTE);
    expect(leaseLeft).toBeLessThan(3 * MINUTE);
    expect(await database.repos.jobs.claim(job.id, OTHER)).toEqual({
      ok: false,
      error: { reason: 'busy', leaseExpiresAt: claim.job.leaseExpiresAt, claimedBy: 'test:owner' },
    });
    expect((await database.repos.jobs.find(job.id))?.attempts).toBe(1);
  });

  it('refuses to claim an unknown id or a non-uuid as not_found without a database error', async () => {
    expect(await database.repos.jobs.claim(randomUUID())).toEqual({
      ok: false,
      error: { reason: 'not_found' },
    });
    expect(await database.repos.jobs.claim('not-a-uuid')).toEqual({
      ok: false,
      error: { reason: 'not_found' },
    });
    expect(await database.repos.jobs.claim("'; drop table jobs; --")).toEqual({
      ok: false,
      error: { reason: 'not_found' },
    });
  });

  it('stores payloads exactly, but only while the job is running', async () => {
    const job = await newJob('jobs_payload');
    const payload = {
      nested: { list: [1, 'two', { three: [3, null] }], empty: {}, none: [] },
      unicode: 'héllo — 日本語 🎉 "quoted" \\ back',
      numbers: {
        tenth: 0.1,
        sum: 0.30000000000000004,
        cash: 12345678.91,
        negative: -0.5,
        zero: 0,
        big: 2 ** 53 - 1,
      },
      flags: [true, false],
    };
    expect(await database.repos.jobs.savePayload(job.id, 'report_payload', payload)).toBe(false);
    await database.repos.jobs.claim(job.id, OWNER);
    expect(await database.repos.jobs.savePayload(job.id, 'report_payload', payload)).toBe(true);
    expect(
      await database.repos.jobs.savePayload(job.id, 'charts_payload', {
        charts: [{ id: 'a', data: [0.1, 0.2] }],
      }),
    ).toBe(true);
    const stored = await database.repos.jobs.find(job.id);
    expect(stored?.reportPayload).toEqual(payload);
    expect(stored?.reportPayload?.numbers).toStrictEqual(payload.numbers);
    expect(stored?.chartsPayload).toEqual({ charts: [{ id: 'a', data: [0.1, 0.2] }] });
    expect(stored?.retirementPayload).toBeNull();
  });

  it("drops a superseded attempt's payload and keeps the current attempt's", async () => {
    const job = await newJob('jobs_attempt');
    await database.repos.jobs.claim(job.id, OWNER);
    expect(await database.repos.jobs.savePayload(job.id, 'report_payload', { by: 2 }, { attempt: 2 })).toBe(
      false,
    );
    expect(await database.repos.jobs.savePayload(job.id, 'report_payload', { by: 1 }, { attempt: 1 })).toBe(
      true,
    );
    expect((await database.repos.jobs.find(job.id))?.reportPayload).toEqual({ by: 1 });
  });

  it('completes a job, setting its completion time and clearing the error', async () => {
    const job = await newJob('jobs_complete');
    await database.repos.jobs.claim(job.id, OWNER);
    expect(await database.repos.jobs.finish(job.id, 'completed')).toBe(true);
    const done = await database.repos.jobs.find(job.id);
    expect(done).toMatchObject({ status: 'completed', errorMessage: null, attempts: 1 });
    expect(Math.abs((done?.completedAt?.getTime() ?? 0) - Date.now())).toBeLessThan(MINUTE);
  });

  it('fails a job with a one-line error message of at most 500 characters', async () => {
    const job = await newJob('jobs_fail');
    await database.repos.jobs.claim(job.id, OWNER);
    const message = `Model refused\n\tto answer:\r\n   ${'x'.repeat(1000)}`;
    expect(await database.repos.jobs.finish(job.id, 'failed', message)).toBe(true);
    const failed = await database.repos.jobs.find(job.id);
    expect(failed?.status).toBe('failed');
    expect(failed?.completedAt).toBeInstanceOf(Date);
    expect(failed?.errorMessage).toHaveLength(500);
    expect(failed?.errorMessage?.startsWith('Model refused to answer: xxx')).toBe(true);
    expect(failed?.errorMessage).not.toMatch(/[\n\r\t]/);
    expect(failed?.errorMessage?.endsWith('…')).toBe(true);
  });

  it('never changes a finished job again', async () => {
    for (const status of ['completed', 'failed'] as const) {
      const job = await newJob(`jobs_final_${status}`);
      await database.repos.jobs.claim(job.id, OWNER);
      await database.repos.jobs.finish(job.id, status, status === 'failed' ? 'boom' : null);
      const before = await database.repos.jobs.find(job.id);
      expect(await database.repos.jobs.claim(job.id, OTHER)).toEqual({
        ok: false,
        error: { reason: 'finished', status },
      });
      expect(await database.repos.jobs.claim(job.id, OWNER)).toEqual({
        ok: false,
        error: { reason: 'finished', status },
      });
      expect(await database.repos.jobs.savePayload(job.id, 'summary_payload', { late: true })).toBe(false);
      expect(await database.repos.jobs.finish(job.id, 'completed')).toBe(false);
      expect(await database.repos.jobs.finish(job.id, 'failed', 'again')).toBe(false);
      expect(await database.repos.jobs.release(job.id, 'test:owner')).toBe(false);
      expect(await database.repos.jobs.renewLease(job.id, 'test:owner', MINUTE)).toBe(false);
      expect(await database.repos.jobs.find(job.id)).toEqual(before);
    }
  });

  it('releases a running job to pending so it can be claimed again, counting both attempts', async () => {
    const job = await newJob('jobs_release');
    expect(await database.repos.jobs.release(job.id, 'test:owner')).toBe(false);
    const first = await database.repos.jobs.claim(job.id, OWNER);
    expect(await database.repos.jobs.release(job.id, 'test:other')).toBe(false);
    expect(await database.repos.jobs.release(job.id, 'test:owner')).toBe(true);
    expect(await database.repos.jobs.find(job.id)).toMatchObject({
      status: 'pending',
      claimedAt: null,
      claimedBy: null,
      leaseExpiresAt: null,
      attempts: 1,
    });
    const second = await database.repos.jobs.claim(job.id, OTHER);
    if (!first.ok || !second.ok) throw new Error('a claim was refused');
    expect(second.job).toMatchObject({ status: 'running', attempts: 2 });
    // The first start time is kept; the claim time is the latest claim's.
    expect(second.job.startedAt).toEqual(first.job.startedAt);
    expect(second.job.claimedAt).not.toBeNull();
  });

  it('lists a user’s jobs newest first, up to the limit, and no one else’s', async () => {
    const jobs = [await newJob('jobs_list'), await newJob('jobs_list'), await newJob('jobs_list')];
    await newJob('jobs_list_other');
    // Distinct creation times an hour apart, so the order does not depend on clock resolution.
    for (const [index, job] of jobs.entries()) {
      const createdAt = new Date(Date.now() - (3 - index) * 3_600_000).toISOString();
      await database.db.execute(
        sql`update jobs set created_at = ${createdAt}::timestamptz where id = ${job.id}::uuid`,
      );
    }
    const ids = jobs.map((job) => job.id);
    expect((await database.repos.jobs.listByUser('jobs_list')).map((job) => job.id)).toEqual([
      ids[2],
      ids[1],
      ids[0],
    ]);
    expect((await database.repos.jobs.listByUser('jobs_list', 2)).map((job) => job.id)).toEqual([
      ids[2],
      ids[1],
    ]);
    expect(await database.repos.jobs.listByUser('jobs_nobody')).toEqual([]);
  });

  it('finds nothing for a non-uuid or an unknown id', async () => {
    expect(await database.repos.jobs.find('42')).toBeNull();
    expect(await database.repos.jobs.find('')).toBeNull();
    expect(await database.repos.jobs.find(randomUUID())).toBeNull();
    expect(await database.repos.jobs.release('not-a-uuid', 'test:owner')).toBe(false);
    expect(await database.repos.jobs.renewLease('not-a-uuid', 'test:owner', MINUTE)).toBe(false);
    expect(await database.repos.jobs.savePayload('not-a-uuid', 'report_payload', {})).toBe(false);
    expect(await database.repos.jobs.finish('not-a-uuid', 'failed', 'x')).toBe(false);
  });
});
