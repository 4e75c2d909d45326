import { createMemoryLogger } from '@alex/runtime';
import { describe, expect, it } from 'vitest';
import { type PolygonMarketDataOptions, polygonMarketData } from '../src';
import { fakePolygon, fakeTime, memoryStore, prevClose, type Reply } from './support/fake-polygon';

function setup(
  replies: Record<string, Reply>,
  stored: Record<string, number | null>,
  extra: Partial<PolygonMarketDataOptions> = {},
) {
  const time = fakeTime(Date.UTC(2026, 0, 5, 14));
  const polygon = fakePolygon(replies, time, 200);
  const store = memoryStore(stored);
  const logger = createMemoryLogger();
  const market = polygonMarketData({
    apiKey: 'secret-key',
    plan: 'free',
    fetch: polygon.fetch,
    clock: time.clock,
    sleep: time.sleep,
    store,
    logger,
    ...extra,
  });
  return { market, polygon, store, time, logger };
}

describe('polygonMarketData (free plan)', () => {
  it('writes each symbol previous close and reports nothing stale', async () => {
    const { market, polygon, store } = setup(
      { AAPL: prevClose('AAPL', 231.5), SPY: prevClose('SPY', 601.25) },
      { AAPL: 100, SPY: 500 },
    );

    const refresh = await market.refreshPrices(['AAPL', 'SPY', 'AAPL']);

    expect(refresh).toEqual({
      source: 'polygon:free',
      updated: [
        { symbol: 'AAPL', price: 231.5 },
        { symbol: 'SPY', price: 601.25 },
      ],
      missing: [],
      stale: false,
      note: null,
    });
    expect(Object.fromEntries(store.prices)).toEqual({ AAPL: 231.5, SPY: 601.25 });
    expect(polygon.calls.map((call) => `${call.url.origin}${call.url.pathname}${call.url.search}`)).toEqual([
      'https://api.polygon.io/v2/aggs/ticker/AAPL/prev?adjusted=true',
      'https://api.polygon.io/v2/aggs/ticker/SPY/prev?adjusted=true',
    ]);
    expect(polygon.calls.every((call) => call.authorization === 'Bearer secret-key')).toBe(true);
  });

  it('serves a warm process from its cache until the TTL passes', async () => {
    const { market, polygon, time } = setup(
      { AAPL: prevClose('AAPL', 231.5) },
      { AAPL: 100 },
      { cacheTtlMs: 60_000 },
    );

    await market.refreshPrices(['AAPL']);
    const cached = await market.refreshPrices(['AAPL']);
    time.advance(60_000);
    await market.refreshPrices(['AAPL']);

    expect(cached.updated).toEqual([{ symbol: 'AAPL', price: 231.5 }]);
    expect(polygon.calls).toHaveLength(2);
  });

  it('starts at most five requests per minute, waiting on the clock for the sixth', async () => {
    const symbols = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
    const replies = Object.fromEntries(symbols.map((symbol) => [symbol, prevClose(symbol, 10)]));
    const { market, polygon, time } = setup(
      replies,
      Object.fromEntries(symbols.map((symbol) => [symbol, 1])),
    );
    const start = time.ms();

    const refresh = await market.refreshPrices(symbols);

    expect(refresh.stale).toBe(false);
    expect(polygon.calls.map((call) => call.at - start)).toEqual([0, 200, 400, 600, 800, 60_000, 60_200]);
    expect(time.sleeps).toEqual([59_000]);
  });

  it('reports symbols beyond the time budget as stale instead of waiting', async () => {
    const symbols = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
    const replies = Object.fromEntries(symbols.map((symbol) => [symbol, prevClose(symbol, 10)]));
    const { market, polygon, time, store } = setup(
      replies,
      Object.fromEntries(symbols.map((symbol) => [symbol, 1])),
      {
        budgetMs: 30_000,
      },
    );

    const refresh = await market.refreshPrices(symbols);

    expect(polygon.calls).toHaveLength(5);
    expect(time.sleeps).toEqual([]);
    expect(refresh.missing).toEqual(['F', 'G']);
    expect(refresh.stale).toBe(true);
    expect(refresh.note).toContain('F: time budget of 30000 ms spent');
    expect(refresh.note).toContain('G: not requested (time budget of 30000 ms spent)');
    expect(store.prices.get('F')).toBe(1);
  });

  it.each([
    [401, 'HTTP 401: key rejected or plan not entitled'],
    [429, 'HTTP 429: rate limit exceeded'],
  ])('keeps every stored price and stops asking after HTTP %i', async (status, reason) => {
    const { market, polygon, store } = setup(
      { AAPL: { status, body: { status: 'ERROR', error: 'nope' } }, SPY: prevClose('SPY', 601) },
      { AAPL: 100, SPY: 500 },
    );

    const refresh = await market.refreshPrices(['AAPL', 'SPY']);

    expect(polygon.calls).toHaveLength(1);
    expect(refresh).toMatchObject({ updated: [], missing: ['AAPL', 'SPY'], stale: true });
    expect(refresh.note).toBe(
      `Polygon prices not refreshed for 2 of 2 symbols (AAPL: ${reason}; SPY: not requested (${reason})). Stored prices kept.`,
    );
    expect(Object.fromEntries(store.prices)).toEqual({ AAPL: 100, SPY: 500 });
  });

  it('keeps the stored price of a symbol that fails with a server error, malformed JSON or no results', async () => {
    const { market, store, logger } = setup(
      {
        AAPL: { status: 500, text: 'oops' },
        MSFT: { text: '{"results": [' },
        ZZZZ: { body: { ticker: 'ZZZZ', queryCount: 0, resultsCount: 0, status: 'OK' } },
        SPY: prevClose('SPY', 601),
      },
      { AAPL: 100, MSFT: 200, ZZZZ: null, SPY: 500 },
    );

    const refresh = await market.refreshPrices(['AAPL', 'MSFT', 'ZZZZ', 'SPY']);

    expect(refresh.updated).toEqual([{ symbol: 'SPY', price: 601 }]);
    expect(refresh.missing).toEqual(['AAPL', 'MSFT', 'ZZZZ']);
    expect(refresh.note).toBe(
      'Polygon prices not refreshed for 3 of 4 symbols (AAPL: HTTP 500; MSFT: response is not JSON; ' +
        'ZZZZ: no price in the response). No stored price for ZZZZ; other stored prices kept.',
    );
    expect(Object.fromEntries(store.prices)).toEqual({ AAPL: 100, MSFT: 200, ZZZZ: null, SPY: 601 });
    expect(JSON.stringify(logger.lines)).not.toContain('secret-key');
  });

  it('rejects a zero or negative close rather than writing it', async () => {
    const { market, store } = setup(
      { AAPL: prevClose('AAPL', 0), MSFT: prevClose('MSFT', -3) },
      { AAPL: 100, MSFT: 200 },
    );

    const refresh = await market.refreshPrices(['AAPL', 'MSFT']);

    expect(refresh.updated).toEqual([]);
    expect(refresh.note).toContain(
      'AAPL: rejected non-positive price 0; MSFT: rejected non-positive price -3',
    );
    expect(Object.fromEntries(store.prices)).toEqual({ AAPL: 100, MSFT: 200 });
  });

  it('reports a timed-out request and a symbol without an instrument row as missing', async () => {
    const { market } = setup(
      {
        AAPL: new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
        NEW: prevClose('NEW', 5),
      },
      { AAPL: 100 },
      { requestTimeoutMs: 2_000 },
    );

    const refresh = await market.refreshPrices(['AAPL', 'NEW']);

    expect(refresh.missing).toEqual(['AAPL', 'NEW']);
    expect(refresh.note).toContain('AAPL: no response within 2000 ms; NEW: no instrument row to update');
  });

  it('reports every symbol as stale without calling Polygon when the key is empty', async () => {
    const { market, polygon } = setup({ AAPL: prevClose('AAPL', 231.5) }, { AAPL: 100 }, { apiKey: ' ' });

    const refresh = await market.refreshPrices(['AAPL']);

    expect(polygon.calls).toHaveLength(0);
    expect(refresh).toMatchObject({ updated: [], missing: ['AAPL'], stale: true });
    expect(refresh.note).toContain('AAPL: not requested (no Polygon API key configured)');
  });

  it('returns an empty refresh for no symbols without calling Polygon', async () => {
    const { market, polygon } = setup({}, {});

    expect(await market.refreshPrices([])).toEqual({
      source: 'polygon:free',
      updated: [],
      missing: [],
      stale: false,
      note: null,
    });
    expect(polygon.calls).toHaveLength(0);
  });
});
