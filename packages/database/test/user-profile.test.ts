import { describe, expect, it } from 'vitest';
import { users } from '../src/schema';
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

  it('stores a new user’s targets as unset defaults, in the column default and through findOrCreate', async () => {
    await database.db.insert(users).values({ clerkUserId: 'raw_insert' });
    expect(await database.repos.users.find('raw_insert')).toMatchObject({
      assetClassTargets: { equity: 70, fixed_income: 30 },
      targetsSet: false,
    });
    const { user } = await database.repos.users.findOrCreate({
      ...profile('defaults_given'),
      assetClassTargets: { equity: 70, fixed_income: 30 },
    });
    expect(user.targetsSet).toBe(false);
  });

  it('marks targets as set when either map is written and never unmarks them', async () => {
    await database.repos.users.findOrCreate(profile('sets_targets'));
    expect(
      (await database.repos.users.update('sets_targets', { displayName: 'Still unset' }))?.targetsSet,
    ).toBe(false);
    const set = await database.repos.users.update('sets_targets', {
      assetClassTargets: { equity: 60, fixed_income: 40 },
    });
    expect(set?.targetsSet).toBe(true);
    await database.repos.users.update('sets_targets', { displayName: 'Renamed' });
    await database.repos.users.upsert(profile('sets_targets'));
    expect((await database.repos.users.find('sets_targets'))?.targetsSet).toBe(true);
    const upserted = await database.repos.users.upsert({
      ...profile('upserts_targets'),
      regionTargets: { north_america: 100 },
    });
    expect(upserted.targetsSet).toBe(true);
  });
});
