import { createMemoryLogger } from '@alex/runtime';
import { describe, expect, it } from 'vitest';
import { polygonMarketData } from '../src';
import { fakeTime, memoryStore } from './support/fakes';
import { polygonStub, type StubReply, snapshots } from './support/polygon-stub';

// Monday 2026-11-30, 10 a.m. New York, during the session.
const MONDAY_SESSION = Date.UTC(2026, 10, 30, 15);
const TRADE_NS = Date.UTC(2026, 10, 30, 14, 59, 59) * 1e6;
const SNAPSHOTS = '/v2/snapshot/locale/us/markets/stocks/tickers?tickers=';

/** A snapshot entry priced by its last trade today, or by Friday's close when `prevDayOnly`. */
function ticker(symbol: string, price: number, prevDayOnly = false) {
  return prevDayOnly
    ? { ticker: symbol, day: { c: 0 }, min: { c: 0 }, prevDay: { c: price }, updated: TRADE_NS }
    : { ticker: symbol, lastTrade: { p: price, t: TRADE_NS }, day: { c: price }, updated: TRADE_NS };
}

async function setup(route: (url: URL) => StubReply, stored: Record<string, number | null>) {
  const stub = await polygonStub(route);
  const time = fakeTime(MONDAY_SESSION);
  const store = memoryStore(stored);
  const market = polygonMarketData({
    apiKey: 'paid-key',
    plan: 'paid',
    batchSize: 2,
    baseUrl: stub.baseUrl,
    clock: time.clock,
    sleep: time.sleep,
    store,
    logger: createMemoryLogger(),
  });
  return { market, stub, store, time };
}

const tickersOf = (url: URL) => (url.searchParams.get('tickers') ?? '').split(',');

describe('polygonMarketData (paid plan: batched snapshots)', () => {
  it('asks for many tickers a request and dates each price by its session', async () => {
    const entries = { AAPL: ticker('AAPL', 232.1), SPY: ticker('SPY', 601, true), QQQ: ticker('QQQ', 500) };
    const { market, stub, store } = await setup(
      (url) => snapshots(tickersOf(url).flatMap((symbol) => entries[symbol as keyof typeof entries] ?? [])),
      { AAPL: 1, SPY: 1, QQQ: 1, GONE: 1 },
    );

    const refresh = await market.refreshPrices(['AAPL', 'SPY', 'QQQ', 'GONE']);

    expect(stub.paths()).toEqual([`${SNAPSHOTS}AAPL,SPY`, `${SNAPSHOTS}QQQ,GONE`]);
    expect(stub.requests.every((request) => request.authorization === 'Bearer paid-key')).toBe(true);
    expect(refresh.updated).toEqual([
      { symbol: 'AAPL', price: 232.1, asOf: '2026-11-30' },
      { symbol: 'SPY', price: 601, asOf: '2026-11-27' },
      { symbol: 'QQQ', price: 500, asOf: '2026-11-30' },
    ]);
    expect(refresh.missing).toEqual(['GONE']);
    expect(refresh.note).toContain('GONE: not in the snapshot');
    expect(store.rows.get('SPY')).toEqual({ price: 601, asOf: '2026-11-27' });
  });

  it('stops asking after a rate-limited batch and keeps the stored prices of the rest', async () => {
    const { market, stub, store } = await setup(() => ({ status: 429, body: { status: 'ERROR' } }), {
      A: 1,
      B: 2,
      C: 3,
    });

    const refresh = await market.refreshPrices(['A', 'B', 'C']);

    expect(stub.paths()).toEqual([`${SNAPSHOTS}A,B`]);
    expect(refresh.note).toBe(
      'Polygon prices not refreshed for 3 of 3 symbols (A, B: HTTP 429: rate limit exceeded; ' +
        'C: not requested (HTTP 429: rate limit exceeded)). Stored prices kept.',
    );
    expect(store.rows.get('C')).toEqual({ price: 3, asOf: null });
  });

  it('serves a warm process from its cache for a minute', async () => {
    const { market, stub, time } = await setup(() => snapshots([ticker('AAPL', 232.1)]), { AAPL: 1 });

    await market.refreshPrices(['AAPL']);
    await market.refreshPrices(['AAPL']);
    time.set(MONDAY_SESSION + 60_000);
    await market.refreshPrices(['AAPL']);

    expect(stub.paths()).toHaveLength(2);
  });

  it('refuses a snapshot whose prices are all zero and a response of another shape', async () => {
    const zero = await setup(() => snapshots([{ ticker: 'AAPL', day: { c: 0 }, prevDay: { c: 0 } }]), {
      AAPL: 1,
    });
    const odd = await setup(() => ({ body: { tickers: { AAPL: 1 } } }), { AAPL: 1 });

    expect((await zero.market.refreshPrices(['AAPL'])).note).toContain('AAPL: rejected non-positive price 0');
    expect((await odd.market.refreshPrices(['AAPL'])).note).toContain(
      'AAPL: snapshots have an unexpected shape',
    );
  });
});
