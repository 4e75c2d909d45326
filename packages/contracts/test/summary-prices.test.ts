import { describe, expect, it } from 'vitest';
import { SummaryPrices } from '../src';

describe('SummaryPrices', () => {
  it('reads a summary written before prices had dates', () => {
    expect(SummaryPrices.parse({ source: 'stored', stale: false, missing: [] })).toEqual({
      source: 'stored',
      stale: false,
      missing: [],
    });
  });

  it('keeps the date, the stale symbols and the last trading day', () => {
    const prices = {
      source: 'polygon:free',
      stale: true,
      missing: [],
      as_of: '2026-11-20',
      stale_symbols: ['GLD'],
      last_trading_day: '2026-11-27',
    };
    expect(SummaryPrices.parse(prices)).toEqual(prices);
  });

  it('refuses a date that is not a calendar date', () => {
    expect(
      SummaryPrices.safeParse({ source: 's', stale: false, missing: [], as_of: '27/11/2026' }).success,
    ).toBe(false);
    expect(
      SummaryPrices.safeParse({ source: 's', stale: false, missing: [], last_trading_day: '2026-02-30' })
        .success,
    ).toBe(false);
  });
});
