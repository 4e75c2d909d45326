import { SummaryPayload } from '@alex/contracts';
import { lastTradingDay, previousTradingDay } from '@alex/market-data';
import { afterEach, describe, expect, it } from 'vitest';
import { runPlanner } from '../src';
import { plannerFixture } from './support';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** Runs a job for the seeded user after dating their prices with `dateOf`, and returns the summary's prices. */
async function pricesAfterRun(dateOf: (symbol: string) => string | null) {
  const fixture = await plannerFixture({});
  close = fixture.database.close;
  const { repos } = fixture.database;
  const portfolio = await repos.portfolios.load('test_user_001');
  const held = [
    ...new Set(portfolio?.accounts.flatMap((a) => a.positions.map((p) => p.symbol)) ?? []),
  ].sort();
  for (const { symbol, currentPrice, priceAsOf } of await repos.instruments.findMany(held)) {
    const date = dateOf(symbol);
    if (date !== null && currentPrice !== null)
      await repos.instruments.updatePrice(symbol, currentPrice, date);
    else expect(priceAsOf).toBeNull();
  }
  await runPlanner({ jobId: fixture.job.id }, fixture.deps);
  const job = await repos.jobs.find(fixture.job.id);
  return { held, prices: SummaryPayload.parse(job?.summaryPayload).prices };
}

describe('the price dates in summary_payload', () => {
  it('marks nothing stale when every held price is from the last trading day', async () => {
    const last = lastTradingDay(new Date());

    const { prices } = await pricesAfterRun(() => last);

    expect(prices).toEqual({
      source: 'stored',
      stale: false,
      missing: [],
      as_of: last,
      stale_symbols: [],
      last_trading_day: last,
    });
  });

  it('marks stored prices stale and names them when one is older than the last trading day', async () => {
    const last = lastTradingDay(new Date());
    const before = previousTradingDay(last);

    const { prices } = await pricesAfterRun((symbol) => (symbol === 'GLD' ? before : last));

    expect(prices).toMatchObject({
      stale: true,
      as_of: before,
      stale_symbols: ['GLD'],
      last_trading_day: last,
    });
  });

  it('marks prices without a recorded date stale, as the seed writes them', async () => {
    const { held, prices } = await pricesAfterRun(() => null);

    expect(prices).toMatchObject({ source: 'stored', stale: true, as_of: null, stale_symbols: held });
  });
});
