import { describe, expect, it } from 'vitest';
import { useTestDatabase } from './support/file-database';
import { TEST_DRIVER } from './support/test-database';

describe(`classifying shared instruments on ${TEST_DRIVER}`, () => {
  const database = useTestDatabase({ seed: true });
  const classification = {
    instrumentType: 'etf' as const,
    allocationAssetClass: { equity: 100 },
    allocationRegions: { europe: 60, asia: 40 },
    allocationSectors: { financials: 100 },
  };

  it('fills every map of a placeholder', async () => {
    await database.repos.instruments.createPlaceholders(['NEWX']);
    expect(await database.repos.instruments.classify('NEWX', classification)).toBe('classified');
    const [newx] = await database.repos.instruments.findMany(['NEWX']);
    expect(newx).toMatchObject({ instrumentType: 'etf', allocationRegions: { europe: 60, asia: 40 } });
  });

  it('leaves a classified instrument exactly as it was', async () => {
    const [before] = await database.repos.instruments.findMany(['SPY']);
    expect(await database.repos.instruments.classify('SPY', classification)).toBe('already_classified');
    expect(await database.repos.instruments.findMany(['SPY'])).toEqual([before]);
  });

  it('keeps maps that are set and fills the empty ones', async () => {
    await database.repos.instruments.upsertMany([
      { symbol: 'PART', name: 'Part', instrumentType: 'bond_fund', allocationSectors: { treasury: 100 } },
    ]);
    expect(await database.repos.instruments.classify('PART', classification)).toBe('classified');
    const [part] = await database.repos.instruments.findMany(['PART']);
    expect(part).toMatchObject({
      instrumentType: 'bond_fund',
      allocationAssetClass: { equity: 100 },
      allocationSectors: { treasury: 100 },
    });
  });

  it('reports an unknown symbol without creating it', async () => {
    expect(await database.repos.instruments.classify('GHOST', classification)).toBe('not_found');
    expect(await database.repos.instruments.findMany(['GHOST'])).toEqual([]);
  });
});
