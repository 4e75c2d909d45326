import { describe, expect, it } from 'vitest';
import { useTestDatabase } from './support/file-database';
import { TEST_DRIVER } from './support/test-database';

const profile = (clerkUserId: string) => ({
  clerkUserId,
  displayName: 'New User',
  yearsUntilRetirement: 20,
  targetRetirementIncome: 60_000,
});

describe(`user profiles on ${TEST_DRIVER}`, () => {
  const database = useTestDatabase();

  it('creates a user on the first call only, even when first calls race', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => database.repos.users.findOrCreate(profile('first_call'))),
    );
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(results.map((result) => result.user.displayName)).toEqual(Array(5).fill('New User'));
    expect((await database.repos.users.findOrCreate(profile('first_call'))).created).toBe(false);
  });

  it('changes only the given fields, clears a goal with null, and leaves other users alone', async () => {
    await database.repos.users.findOrCreate(profile('updater'));
    await database.repos.users.findOrCreate(profile('bystander'));
    const updated = await database.repos.users.update('updater', {
      displayName: 'Renamed',
      targetRetirementIncome: null,
      currentAge: 41,
      regionTargets: { north_america: 60, international: 40 },
      yearsUntilRetirement: undefined,
    });
    expect(updated).toMatchObject({
      displayName: 'Renamed',
      yearsUntilRetirement: 20,
      targetRetirementIncome: null,
      currentAge: 41,
      regionTargets: { north_america: 60, international: 40 },
    });
    expect((await database.repos.users.find('bystander'))?.displayName).toBe('New User');
    expect(await database.repos.users.update('nobody', { displayName: 'x' })).toBeNull();
  });
});
