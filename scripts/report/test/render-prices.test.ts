import { describe, expect, it } from 'vitest';
import { renderPrices } from '../src/run-summary';

describe('renderPrices', () => {
  it('says the date the prices are from', () => {
    expect(
      renderPrices({
        source: 'polygon:free',
        stale: false,
        missing: [],
        as_of: '2026-11-27',
        stale_symbols: [],
        last_trading_day: '2026-11-27',
      }),
    ).toBe('<p>Prices: polygon:free, as of 2026-11-27.</p>');
  });

  it('names the stale prices against the last trading day, and the missing ones', () => {
    expect(
      renderPrices({
        source: 'stored',
        stale: true,
        missing: ['NEW'],
        as_of: '2026-11-20',
        stale_symbols: ['BND', 'GLD'],
        last_trading_day: '2026-11-27',
      }),
    ).toBe(
      '<p>Prices: stored, as of 2026-11-20 (stale, older than the last trading day 2026-11-27 or undated: BND, GLD); missing: NEW.</p>',
    );
  });

  it('reads a summary written before prices had dates as it did', () => {
    expect(renderPrices({ source: 'stored', stale: true, missing: [] })).toBe(
      '<p>Prices: stored (stale).</p>',
    );
  });
});
