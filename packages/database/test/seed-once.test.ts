import { describe, expect, it } from 'vitest';
import { seedDemoOnce, TEST_USER_ID } from '../src';
import { useTestDatabase } from './support/file-database';
import { TEST_DRIVER } from './support/test-database';

describe(`first-run seeding on ${TEST_DRIVER}`, () => {
  const database = useTestDatabase();

  it('seeds once when several callers race, and never again', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => seedDemoOnce(database.db)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await seedDemoOnce(database.db)).toBe(false);
    const portfolio = await database.repos.portfolios.load(TEST_USER_ID);
    expect(portfolio?.accounts).toHaveLength(3);
    // The demo user's targets are reference data, so drift is measured against them.
    expect(portfolio?.user.targetsSet).toBe(true);
  });
});
