import { describe, expect, it } from 'vitest';
import { groupedDailyPath, parseGroupedDaily, parseSnapshots, snapshotsPath } from '../src';

// Monday 2026-11-30, 10:00 New York.
const NOW = new Date('2026-11-30T15:00:00Z');
// 2026-11-30 14:59:59 UTC in nanoseconds (trades, `updated`) and 14:59 UTC in milliseconds (minute bars).
const TODAY_NS = Date.UTC(2026, 10, 30, 14, 59, 59) * 1e6;
const TODAY_MS = Date.UTC(2026, 10, 30, 14, 59);

describe('Polygon paths', () => {
  it('asks for the adjusted grouped daily bars of a date and for several snapshots at once', () => {
    expect(groupedDailyPath('2026-11-27')).toBe(
      '/v2/aggs/grouped/locale/us/market/stocks/2026-11-27?adjusted=true',
    );
    expect(snapshotsPath(['SPY', 'BRK.B'])).toBe(
      '/v2/snapshot/locale/us/markets/stocks/tickers?tickers=SPY,BRK.B',
    );
  });
});

describe('parseGroupedDaily', () => {
  it('reads every close by ticker and skips malformed bars', () => {
    const closes = parseGroupedDaily({
      status: 'OK',
      resultsCount: 3,
      results: [{ T: 'SPY', c: 601.25, t: 1 }, { T: 'QQQ', c: 'n/a' }, { c: 5 }, { T: 'ZERO', c: 0 }],
    });

    expect(closes).toEqual(
      new Map([
        ['SPY', 601.25],
        ['ZERO', 0],
      ]),
    );
  });

  it('reads a day without a session as no bars, and a body of another shape as unreadable', () => {
    expect(parseGroupedDaily({ status: 'OK', queryCount: 0, resultsCount: 0, adjusted: true })).toEqual(
      new Map(),
    );
    expect(parseGroupedDaily({ status: 'OK', results: null })).toEqual(new Map());
    expect(parseGroupedDaily({ results: { SPY: 1 } })).toBeNull();
    expect(parseGroupedDaily([1, 2])).toBeNull();
  });
});

describe('parseSnapshots', () => {
  it('prices each ticker from its last trade, dated by the trade in New York time', () => {
    const quotes = parseSnapshots(
      {
        status: 'OK',
        tickers: [
          {
            ticker: 'AAPL',
            lastTrade: { p: 232.1, t: TODAY_NS },
            min: { c: 232, t: TODAY_MS },
            day: { c: 231 },
            prevDay: { c: 229 },
            updated: TODAY_NS,
          },
        ],
      },
      NOW,
    );

    expect(quotes?.get('AAPL')).toEqual({ price: 232.1, asOf: '2026-11-30' });
  });

  it("dates the previous day's close to the trading day before the snapshot's session", () => {
    const quotes = parseSnapshots(
      {
        tickers: [
          // After the 3:30 AM reset: today's bars are zeros, prevDay is Friday's session.
          { ticker: 'SPY', min: { c: 0, t: 0 }, day: { c: 0 }, prevDay: { c: 601 }, updated: TODAY_NS },
          // A plan without trades: the minute bar is the newest price.
          {
            ticker: 'QQQ',
            lastTrade: null,
            min: { c: 500, t: TODAY_MS },
            day: { c: 499 },
            updated: TODAY_NS,
          },
          { ticker: 'NONE', day: { c: 0 }, prevDay: { c: 0 }, updated: TODAY_NS },
          { noTicker: true },
        ],
      },
      NOW,
    );

    expect(Object.fromEntries(quotes ?? [])).toEqual({
      SPY: { price: 601, asOf: '2026-11-27' },
      QQQ: { price: 500, asOf: '2026-11-30' },
      NONE: { price: 0, asOf: '2026-11-30' },
    });
  });

  it('dates a day bar by the time now when the snapshot has no update time', () => {
    const quotes = parseSnapshots({ tickers: [{ ticker: 'VTI', day: { c: 300 } }] }, NOW);

    expect(quotes?.get('VTI')).toEqual({ price: 300, asOf: '2026-11-30' });
    expect(parseSnapshots({ tickers: 'none' }, NOW)).toBeNull();
  });
});
