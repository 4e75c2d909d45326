import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories, seedDatabase } from '../src';
import { openTestDatabase, TEST_DRIVER, type TestDatabase } from './support/test-database';

describe(`classifying shared instruments on ${TEST_DRIVER}`, () => {
  let database: TestDatabase;
  let repos: Repositories;
  const classification = {
    instrumentType: 'etf' as const,
    allocationAssetClass: { equity: 100 },
    allocationRegions: { europe: 60, asia: 40 },
    allocationSectors: { financials: 100 },
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    repos = createRepositories(database.handle.db);
    await seedDatabase(database.handle.db);
  });
  afterAll(() => database.close());

  it('fills every map of a placeholder', async () => {
    await repos.instruments.createPlaceholders(['NEWX']);
    expect(await repos.instruments.classify('NEWX', classification)).toBe('classified');
    const [newx] = await repos.instruments.findMany(['NEWX']);
    expect(newx).toMatchObject({ instrumentType: 'etf', allocationRegions: { europe: 60, asia: 40 } });
  });

  it('leaves a classified instrument exactly as it was', async () => {
    const [before] = await repos.instruments.findMany(['SPY']);
    expect(await repos.instruments.classify('SPY', classification)).toBe('already_classified');
    expect(await repos.instruments.findMany(['SPY'])).toEqual([before]);
  });

  it('keeps maps that are set and fills the empty ones', async () => {
    await repos.instruments.upsertMany([
      { symbol: 'PART', name: 'Part', instrumentType: 'bond_fund', allocationSectors: { treasury: 100 } },
    ]);
    expect(await repos.instruments.classify('PART', classification)).toBe('classified');
    const [part] = await repos.instruments.findMany(['PART']);
    expect(part).toMatchObject({
      instrumentType: 'bond_fund',
      allocationAssetClass: { equity: 100 },
      allocationSectors: { treasury: 100 },
    });
  });

  it('reports an unknown symbol without creating it', async () => {
    expect(await repos.instruments.classify('GHOST', classification)).toBe('not_found');
    expect(await repos.instruments.findMany(['GHOST'])).toEqual([]);
  });
});
