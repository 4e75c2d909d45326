import type { Job } from '@alex/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ClaimResult } from '../src';
import { createUserJob, useTestDatabase } from './support/file-database';
import { TEST_DRIVER } from './support/test-database';

const CLAIMERS = 25;
const claimer = (n: number) => ({ owner: `lambda:claimer-${n}`, leaseMs: 120_000 });

// On postgres the test pool has 30 connections, so these claims are concurrent transactions racing for
// one row; pglite and the Data API endpoint over PGlite serialise them (over PostgreSQL it runs them concurrently), and the outcome must be the same.
describe(`concurrent job claims on ${TEST_DRIVER}`, () => {
  const database = useTestDatabase();
  const pendingJob = (clerkUserId: string) => createUserJob(database.repos, clerkUserId);

  it(`lets exactly one of ${CLAIMERS} concurrent claimers win a job`, async () => {
    const job = await pendingJob('race_one');
    const results = await Promise.all(
      Array.from({ length: CLAIMERS }, (_, n) => database.repos.jobs.claim(job.id, claimer(n))),
    );
    const winners = results.filter((result) => result.ok);
    const losers = results.filter((result): result is Extract<ClaimResult, { ok: false }> => !result.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(CLAIMERS - 1);
    const winner = winners[0];
    if (!winner?.ok) throw new Error('no winner');
    for (const loser of losers)
      expect(loser.error).toEqual({
        reason: 'busy',
        claimedBy: winner.job.claimedBy,
        leaseExpiresAt: winner.job.leaseExpiresAt,
      });
    expect(await database.repos.jobs.find(job.id)).toMatchObject({ status: 'running', attempts: 1 });
  });

  it('lets each of many jobs be won exactly once when many callers claim them all at once', async () => {
    const jobs: Job[] = [];
    for (let n = 0; n < 8; n++) jobs.push(await pendingJob(`race_many_${n}`));
    // Every job gets five claimers, interleaved so claims of different jobs overlap.
    const attempts = Array.from({ length: 5 }, () => jobs.map((job) => job.id)).flat();
    const results = await Promise.all(
      attempts.map(async (id, n) => ({ id, result: await database.repos.jobs.claim(id, claimer(n)) })),
    );
    for (const job of jobs) {
      const forJob = results.filter((entry) => entry.id === job.id).map((entry) => entry.result);
      expect(forJob.filter((result) => result.ok)).toHaveLength(1);
      expect(forJob.filter((result) => !result.ok && result.error.reason === 'busy')).toHaveLength(4);
      expect(await database.repos.jobs.find(job.id)).toMatchObject({ status: 'running', attempts: 1 });
    }
    const winnerIds = results.flatMap((entry) => (entry.result.ok ? [entry.result.job.id] : []));
    expect(winnerIds.sort()).toEqual(jobs.map((job) => job.id).sort());
  });

  it(`lets exactly one of ${CLAIMERS} concurrent claimers take over a job whose lease has expired`, async () => {
    const job = await pendingJob('race_expired');
    await database.repos.jobs.claim(job.id, claimer(200));
    await database.db.execute(
      sql`UPDATE jobs SET lease_expires_at = now() - interval '1 minute' WHERE id = ${job.id}::uuid`,
    );
    const results = await Promise.all(
      Array.from({ length: CLAIMERS }, (_, n) => database.repos.jobs.claim(job.id, claimer(n))),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await database.repos.jobs.find(job.id)).toMatchObject({ status: 'running', attempts: 2 });
  });

  it('lets exactly one claimer win again after the job is released', async () => {
    const job = await pendingJob('race_release');
    await database.repos.jobs.claim(job.id, claimer(100));
    expect(await database.repos.jobs.release(job.id, claimer(100).owner)).toBe(true);
    const results = await Promise.all(
      Array.from({ length: CLAIMERS }, (_, n) => database.repos.jobs.claim(job.id, claimer(n))),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await database.repos.jobs.find(job.id)).toMatchObject({ status: 'running', attempts: 2 });
  });
});
