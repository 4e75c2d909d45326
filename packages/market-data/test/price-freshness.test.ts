import { describe, expect, it } from 'vitest';
import { priceFreshness } from '../src';

// Monday 2026-11-30, 9 a.m. New York: the last closed session is Friday 2026-11-27.
const MONDAY_MORNING = new Date('2026-11-30T14:00:00Z');

describe('priceFreshness', () => {
  it('finds nothing stale when every price is from the last trading day or later', () => {
    const freshness = priceFreshness(
      [
        { symbol: 'SPY', asOf: '2026-11-27' },
        { symbol: 'QQQ', asOf: '2026-11-30' },
      ],
      MONDAY_MORNING,
    );

    expect(freshness).toEqual({
      asOf: '2026-11-27',
      newestAsOf: '2026-11-30',
      staleSymbols: [],
      lastTradingDay: '2026-11-27',
    });
  });

  it('names prices older than the last trading day and prices without a date as stale', () => {
    const freshness = priceFreshness(
      [
        { symbol: 'VTI', asOf: '2026-11-25' },
        { symbol: 'SPY', asOf: '2026-11-27' },
        { symbol: 'BND', asOf: null },
        { symbol: 'VTI', asOf: '2026-11-25' },
      ],
      MONDAY_MORNING,
    );

    expect(freshness.staleSymbols).toEqual(['BND', 'VTI']);
    expect(freshness.asOf).toBe('2026-11-25');
  });

  it('has no date and nothing stale for no prices', () => {
    expect(priceFreshness([], MONDAY_MORNING)).toEqual({
      asOf: null,
      newestAsOf: null,
      staleSymbols: [],
      lastTradingDay: '2026-11-27',
    });
  });
});
