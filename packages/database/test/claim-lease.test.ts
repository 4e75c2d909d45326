import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories, seedDatabase } from '../src';
import { openTestDatabase, TEST_DRIVER, type TestDatabase } from './support/test-database';

describe(`claim lease on ${TEST_DRIVER}`, () => {
  let database: TestDatabase;
  let repos: Repositories;

  beforeAll(async () => {
    database = await openTestDatabase();
    repos = createRepositories(database.handle.db);
    await seedDatabase(database.handle.db);
  });
  afterAll(() => database.close());

  async function runningJob(claimedMinutesAgo: number) {
    const job = await repos.jobs.create({
      clerkUserId: 'test_user_001',
      jobType: 'portfolio_analysis',
      requestPayload: null,
    });
    await repos.jobs.claim(job.id);
    await database.handle.db.execute(
      sql`UPDATE jobs SET claimed_at = now() - make_interval(mins => ${claimedMinutesAgo}::int) WHERE id = ${job.id}::uuid`,
    );
    return job;
  }

  it('reclaims a job whose planner has been gone longer than the lease', async () => {
    const job = await runningJob(20);
    const claim = await repos.jobs.claim(job.id, { staleAfterMs: 15 * 60_000 });
    expect(claim).toMatchObject({ ok: true, job: { status: 'running', attempts: 2 } });
  });

  it('leaves a job alone while its lease is fresh', async () => {
    const job = await runningJob(5);
    const claim = await repos.jobs.claim(job.id, { staleAfterMs: 15 * 60_000 });
    expect(claim).toEqual({ ok: false, error: { reason: 'not_pending', status: 'running' } });
  });

  it('never reclaims a finished job, however old', async () => {
    const job = await runningJob(60);
    await repos.jobs.finish(job.id, 'completed');
    const claim = await repos.jobs.claim(job.id, { staleAfterMs: 1 });
    expect(claim).toEqual({ ok: false, error: { reason: 'not_pending', status: 'completed' } });
  });
});
