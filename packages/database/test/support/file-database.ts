import type { JobType, JsonObject } from '@alex/contracts';
import { afterAll, beforeAll } from 'vitest';
import { type AlexDatabase, createRepositories, type Repositories, seedDatabase } from '../../src';
import { openTestDatabase, type TestDatabase } from './test-database';

/** The database the tests of one suite share: filled in before its first test, closed after its last. */
export interface SuiteDatabase {
  db: AlexDatabase;
  repos: Repositories;
  /** Counts the statements sent since the last reset. */
  queries: TestDatabase['queries'];
}

/**
 * Opens a fresh database on this project's driver before the calling suite's tests (seeded with the reference
 * instruments and test_user_001 when `seed` is set) and closes it after them.
 */
export function useTestDatabase(options: { seed?: boolean } = {}): SuiteDatabase {
  const suite = {} as SuiteDatabase;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await openTestDatabase();
    const { db } = database.handle;
    if (options.seed) await seedDatabase(db);
    Object.assign(suite, { db, repos: createRepositories(db), queries: database.queries });
  });
  afterAll(() => database?.close());
  return suite;
}

/** Creates (or resets) a user without goals and a pending job for them. */
export async function createUserJob(
  repos: Repositories,
  clerkUserId: string,
  job: { jobType?: JobType; requestPayload?: JsonObject } = {},
) {
  await repos.users.upsert({
    clerkUserId,
    displayName: null,
    yearsUntilRetirement: null,
    targetRetirementIncome: null,
  });
  return repos.jobs.create({
    clerkUserId,
    jobType: job.jobType ?? 'portfolio_analysis',
    requestPayload: job.requestPayload ?? null,
  });
}
