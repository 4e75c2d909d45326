import { describe, expect, it } from 'vitest';
import { seedDatabase, seedInstruments, TEST_USER_ID } from '../src';
import { useTestDatabase } from './support/file-database';
import { TEST_DRIVER } from './support/test-database';

describe(`portfolio loader on ${TEST_DRIVER}`, () => {
  const database = useTestDatabase({ seed: true });

  it('seeds the 22 reference instruments with prices and complete allocations', async () => {
    const instruments = await database.repos.instruments.list();
    expect(instruments.map((i) => i.symbol)).toEqual(
      seedInstruments()
        .map((i) => i.symbol)
        .sort(),
    );
    const spy = instruments.find((i) => i.symbol === 'SPY');
    expect(spy?.currentPrice).toBe(450.25);
    expect(spy?.allocationSectors.technology).toBe(28);
    expect(await database.repos.instruments.listUnclassified()).toEqual([]);
  });

  it('loads the test user with accounts in creation order, positions and instruments in three queries', async () => {
    database.queries.reset();
    const portfolio = await database.repos.portfolios.load(TEST_USER_ID);
    expect(database.queries.count).toBe(3);
    expect(portfolio?.user).toMatchObject({ displayName: 'Test User', yearsUntilRetirement: 25 });
    expect(portfolio?.user.assetClassTargets).toEqual({ equity: 70, fixed_income: 30 });
    expect(portfolio?.accounts.map((a) => [a.accountName, a.cashBalance, a.cashInterest])).toEqual([
      ['401(k)', 5000, 0.045],
      ['Roth IRA', 1000, 0.04],
      ['Taxable Brokerage', 2500, 0.035],
    ]);
    const [k401] = portfolio?.accounts ?? [];
    expect(k401?.positions.map((p) => [p.symbol, p.quantity, p.instrument.currentPrice])).toEqual([
      ['BND', 200, 72.5],
      ['GLD', 25, 195.7],
      ['QQQ', 50, 385.5],
      ['SPY', 100, 450.25],
      ['VEA', 150, 48.3],
    ]);
  });

  it('keeps the query count fixed however many positions the user holds', async () => {
    await seedDatabase(database.db);
    const symbols = seedInstruments().map((i) => i.symbol);
    await database.repos.portfolios.replaceAccounts(
      TEST_USER_ID,
      [1, 2, 3, 4].map((n) => ({
        accountName: `Account ${n}`,
        accountPurpose: null,
        cashBalance: n,
        cashInterest: 0,
        positions: symbols.map((symbol, i) => ({ symbol, quantity: i + n })),
      })),
    );
    database.queries.reset();
    const portfolio = await database.repos.portfolios.load(TEST_USER_ID);
    expect(database.queries.count).toBe(3);
    expect(portfolio?.accounts.flatMap((a) => a.positions)).toHaveLength(88);
    await seedDatabase(database.db);
  });

  it('re-seeding restores exactly the reference portfolio instead of adding positions', async () => {
    await seedDatabase(database.db);
    await seedDatabase(database.db);
    const portfolio = await database.repos.portfolios.load(TEST_USER_ID);
    expect(portfolio?.accounts.flatMap((a) => a.positions)).toHaveLength(5);
    expect(portfolio?.accounts).toHaveLength(3);
  });

  it('returns null for an unknown user', async () => {
    expect(await database.repos.portfolios.load('nobody')).toBeNull();
  });
});
