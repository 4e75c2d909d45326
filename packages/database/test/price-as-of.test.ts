import { describe, expect, it } from 'vitest';
import { useTestDatabase } from './support/file-database';
import { TEST_DRIVER } from './support/test-database';

describe(`price dates on shared instruments on ${TEST_DRIVER}`, () => {
  const database = useTestDatabase({ seed: true });

  it('stores a refreshed price with its trading date and reads both back', async () => {
    expect(await database.repos.instruments.updatePrice('SPY', 601.25, '2026-11-27')).toBe(true);

    const [spy] = await database.repos.instruments.findMany(['SPY']);
    expect(spy).toMatchObject({ currentPrice: 601.25, priceAsOf: '2026-11-27' });
    expect(await database.repos.instruments.storedPrices(['SPY'])).toEqual(new Map([['SPY', 601.25]]));
  });

  it('reads seeded prices, written before dates were kept, with no date', async () => {
    const [qqq] = await database.repos.instruments.findMany(['QQQ']);
    expect(qqq).toMatchObject({ currentPrice: 385.5, priceAsOf: null });
  });

  it('carries the date into the portfolio an agent loads', async () => {
    await database.repos.instruments.updatePrice('VEA', 50.5, '2026-11-25');

    const portfolio = await database.repos.portfolios.load('test_user_001');
    const held = portfolio?.accounts.flatMap((account) => account.positions) ?? [];
    expect(held.find((position) => position.symbol === 'VEA')?.instrument.priceAsOf).toBe('2026-11-25');
    expect(held.find((position) => position.symbol === 'BND')?.instrument.priceAsOf).toBeNull();
  });

  it('clears the date when an import writes a price without one, and keeps it when the price is untouched', async () => {
    await database.repos.instruments.updatePrice('SPY', 601.25, '2026-11-27');
    await database.repos.instruments.updatePrice('QQQ', 500, '2026-11-27');

    await database.repos.instruments.upsertMany([
      { symbol: 'SPY', name: 'SPDR S&P 500', currentPrice: 600 },
      { symbol: 'QQQ', name: 'Invesco QQQ' },
      { symbol: 'DATED', name: 'Dated', currentPrice: 10, priceAsOf: '2026-11-20' },
    ]);

    const rows = await database.repos.instruments.findMany(['SPY', 'QQQ', 'DATED']);
    expect(rows.map(({ symbol, currentPrice, priceAsOf }) => ({ symbol, currentPrice, priceAsOf }))).toEqual([
      { symbol: 'DATED', currentPrice: 10, priceAsOf: '2026-11-20' },
      { symbol: 'QQQ', currentPrice: 500, priceAsOf: '2026-11-27' },
      { symbol: 'SPY', currentPrice: 600, priceAsOf: null },
    ]);
  });

  it('reports an unknown symbol without creating it', async () => {
    expect(await database.repos.instruments.updatePrice('GHOST', 1, '2026-11-27')).toBe(false);
    expect(await database.repos.instruments.findMany(['GHOST'])).toEqual([]);
  });
});
