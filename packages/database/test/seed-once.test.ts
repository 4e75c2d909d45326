import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, seedDemoOnce, TEST_USER_ID } from '../src';
import { openTestDatabase, TEST_DRIVER, type TestDatabase } from './support/test-database';

describe(`first-run seeding on ${TEST_DRIVER}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it('seeds once when several callers race, and never again', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => seedDemoOnce(database.handle.db)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await seedDemoOnce(database.handle.db)).toBe(false);
    const portfolio = await createRepositories(database.handle.db).portfolios.load(TEST_USER_ID);
    expect(portfolio?.accounts).toHaveLength(3);
  });
});
