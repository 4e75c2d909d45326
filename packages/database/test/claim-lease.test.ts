import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from './support/file-database';
import { TEST_DRIVER } from './support/test-database';

const LEASE = { owner: 'lambda:first', leaseMs: 120_000 };
const SECOND = { owner: 'lambda:second', leaseMs: 120_000 };

describe(`claim leases on ${TEST_DRIVER}`, () => {
  const database = useTestDatabase({ seed: true });

  async function pendingJob() {
    return database.repos.jobs.create({
      clerkUserId: 'test_user_001',
      jobType: 'portfolio_analysis',
      requestPayload: null,
    });
  }

  /** A job claimed by LEASE whose lease ended `secondsAgo` seconds ago (negative: still has that long). */
  async function claimedJob(leaseEndedSecondsAgo: number) {
    const job = await pendingJob();
    await database.repos.jobs.claim(job.id, LEASE);
    await database.db.execute(
      sql`UPDATE jobs SET lease_expires_at = now() - make_interval(secs => ${leaseEndedSecondsAgo}::double precision) WHERE id = ${job.id}::uuid`,
    );
    return job;
  }

  it('lets another owner take over a job whose lease has expired, counting a new attempt', async () => {
    const job = await claimedJob(5);
    const claim = await database.repos.jobs.claim(job.id, SECOND);
    expect(claim).toMatchObject({
      ok: true,
      job: { status: 'running', attempts: 2, claimedBy: 'lambda:second' },
    });
  });

  it('refuses another owner while the lease is live, saying whose it is and until when', async () => {
    const job = await claimedJob(-60);
    const claim = await database.repos.jobs.claim(job.id, SECOND);
    expect(claim).toMatchObject({ ok: false, error: { reason: 'busy', claimedBy: 'lambda:first' } });
    if (claim.ok || claim.error.reason !== 'busy') throw new Error('expected busy');
    expect((claim.error.leaseExpiresAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(30_000);
    expect(await database.repos.jobs.find(job.id)).toMatchObject({ attempts: 1, claimedBy: 'lambda:first' });
  });

  it('re-confirms the same owner’s claim without counting another attempt (a retried claim)', async () => {
    const job = await pendingJob();
    const first = await database.repos.jobs.claim(job.id, LEASE);
    const again = await database.repos.jobs.claim(job.id, LEASE);
    if (!first.ok || !again.ok) throw new Error('a claim was refused');
    expect(again.job).toMatchObject({ status: 'running', attempts: 1, claimedBy: 'lambda:first' });
    expect(again.job.claimedAt).toEqual(first.job.claimedAt);
  });

  it('extends the owner’s lease on renewal and refuses a renewal by anyone else', async () => {
    const job = await claimedJob(-1);
    expect(await database.repos.jobs.renewLease(job.id, 'lambda:second', 300_000)).toBe(false);
    expect(await database.repos.jobs.renewLease(job.id, 'lambda:first', 300_000)).toBe(true);
    const renewed = await database.repos.jobs.find(job.id);
    expect((renewed?.leaseExpiresAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(240_000);
  });

  it('tells the old owner its claim is lost once another owner has taken the job over', async () => {
    const job = await claimedJob(5);
    await database.repos.jobs.claim(job.id, SECOND);
    expect(await database.repos.jobs.renewLease(job.id, 'lambda:first', 120_000)).toBe(false);
    expect(await database.repos.jobs.release(job.id, 'lambda:first')).toBe(false);
    expect(
      await database.repos.jobs.finish(job.id, 'failed', 'late', { fence: { owner: 'lambda:first' } }),
    ).toBe(false);
    expect(await database.repos.jobs.find(job.id)).toMatchObject({
      status: 'running',
      claimedBy: 'lambda:second',
    });
    expect(
      await database.repos.jobs.finish(job.id, 'completed', null, { fence: { owner: 'lambda:second' } }),
    ).toBe(true);
  });

  it('never reclaims a finished job, however long ago its lease ended', async () => {
    const job = await claimedJob(3600);
    await database.repos.jobs.finish(job.id, 'completed');
    expect(await database.repos.jobs.claim(job.id, SECOND)).toEqual({
      ok: false,
      error: { reason: 'finished', status: 'completed' },
    });
  });

  it('treats a claim made before leases existed as expired 15 minutes after it was made', async () => {
    const job = await pendingJob();
    await database.repos.jobs.claim(job.id, LEASE);
    const legacy = (minutesAgo: number) =>
      database.db.execute(
        sql`UPDATE jobs SET lease_expires_at = NULL, claimed_by = NULL, claimed_at = now() - make_interval(mins => ${minutesAgo}::int) WHERE id = ${job.id}::uuid`,
      );
    await legacy(5);
    expect(await database.repos.jobs.claim(job.id, SECOND)).toMatchObject({
      ok: false,
      error: { reason: 'busy' },
    });
    await legacy(20);
    expect(await database.repos.jobs.claim(job.id, SECOND)).toMatchObject({ ok: true, job: { attempts: 2 } });
  });

  it('requeues an abandoned claim only while the fence still holds, without counting an attempt', async () => {
    const job = await claimedJob(-60);
    expect(await database.repos.jobs.requeue(job.id, { owner: 'lambda:first', expiredOnly: true })).toBe(
      false,
    );
    expect(await database.repos.jobs.requeue(job.id, { owner: 'lambda:first', attempts: 2 })).toBe(false);
    expect(await database.repos.jobs.requeue(job.id, { owner: 'lambda:first', attempts: 1 })).toBe(true);
    expect(await database.repos.jobs.find(job.id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      claimedBy: null,
      leaseExpiresAt: null,
    });
  });

  it('lists unfinished jobs with whether their lease has expired and how long they have been idle', async () => {
    const expired = await claimedJob(5);
    const live = await claimedJob(-60);
    const pending = await pendingJob();
    const done = await claimedJob(5);
    await database.repos.jobs.finish(done.id, 'completed');
    const listed = await database.repos.jobs.listUnfinished(1000);
    const byId = new Map(listed.map((entry) => [entry.job.id, entry]));
    expect(byId.get(expired.id)).toMatchObject({ leaseExpired: true, job: { status: 'running' } });
    expect(byId.get(live.id)).toMatchObject({ leaseExpired: false, job: { status: 'running' } });
    expect(byId.get(pending.id)).toMatchObject({ leaseExpired: false, job: { status: 'pending' } });
    expect(byId.has(done.id)).toBe(false);
    expect(byId.get(pending.id)?.idleMs).toBeGreaterThanOrEqual(0);
    expect(byId.get(pending.id)?.idleMs).toBeLessThan(60_000);
  });

  it('fails a job under a fence and stores its summary in the same update', async () => {
    const job = await claimedJob(5);
    const summary = { outcome: 'failed', reason: 'interrupted' };
    expect(
      await database.repos.jobs.finish(job.id, 'failed', 'stopped', {
        fence: { owner: 'lambda:first', attempts: 1, expiredOnly: true },
        summary,
      }),
    ).toBe(true);
    expect(await database.repos.jobs.find(job.id)).toMatchObject({
      status: 'failed',
      errorMessage: 'stopped',
      summaryPayload: summary,
      leaseExpiresAt: null,
    });
  });
});
