import { createMemoryLogger } from '@alex/runtime';
import { describe, expect, it } from 'vitest';
import { type PolygonMarketDataOptions, polygonMarketData } from '../src';
import { fakeTime, memoryStore } from './support/fakes';
import { groupedDaily, polygonStub, type StubReply } from './support/polygon-stub';

// Monday 2026-11-30, 9 a.m. New York: the last closed session is Friday 2026-11-27.
const MONDAY_MORNING = Date.UTC(2026, 10, 30, 14);
// Friday 2026-11-27, 5 p.m. New York: today's session has just closed.
const FRIDAY_EVENING = Date.UTC(2026, 10, 27, 22);
const GROUPED = '/v2/aggs/grouped/locale/us/market/stocks/';

async function setup(
  route: (url: URL) => StubReply,
  stored: Record<string, number | null>,
  extra: Partial<PolygonMarketDataOptions> = {},
  start = MONDAY_MORNING,
) {
  const stub = await polygonStub(route);
  const time = fakeTime(start);
  const store = memoryStore(stored);
  const logger = createMemoryLogger();
  const market = polygonMarketData({
    apiKey: 'secret-key',
    plan: 'free',
    baseUrl: stub.baseUrl,
    clock: time.clock,
    sleep: time.sleep,
    store,
    logger,
    ...extra,
  });
  return { market, stub, store, time, logger };
}

/** Routes grouped daily requests by date; any other path is a 404. */
function byDate(replies: Record<string, StubReply>) {
  return (url: URL): StubReply => {
    const date = url.pathname.startsWith(GROUPED) ? url.pathname.slice(GROUPED.length) : '';
    return replies[date] ?? groupedDaily({});
  };
}

describe('polygonMarketData (free plan: grouped daily bars)', () => {
  it('prices a whole portfolio with one request and stores each close with its date', async () => {
    const symbols = Array.from({ length: 30 }, (_, i) => `S${i}`);
    const closes = Object.fromEntries(symbols.map((symbol, i) => [symbol, 10 + i]));
    const { market, stub, store, time } = await setup(
      byDate({ '2026-11-27': groupedDaily({ ...closes, OTHER: 1 }) }),
      Object.fromEntries(symbols.map((symbol) => [symbol, 1])),
    );

    const refresh = await market.refreshPrices([...symbols, 'S0']);

    expect(stub.paths()).toEqual([`${GROUPED}2026-11-27?adjusted=true`]);
    expect(stub.requests[0]?.authorization).toBe('Bearer secret-key');
    expect(time.sleeps).toEqual([]);
    expect(refresh).toMatchObject({ source: 'polygon:free', missing: [], note: null });
    expect(refresh.updated).toHaveLength(30);
    expect(refresh.updated[29]).toEqual({ symbol: 'S29', price: 39, asOf: '2026-11-27' });
    expect(store.rows.get('S5')).toEqual({ price: 15, asOf: '2026-11-27' });
  });

  it('steps back a trading day, over the holiday, when the newest date has no bars yet', async () => {
    const { market, stub, store } = await setup(
      byDate({ '2026-11-25': groupedDaily({ SPY: 598.5 }) }),
      { SPY: 500 },
      {},
      FRIDAY_EVENING,
    );

    const refresh = await market.refreshPrices(['SPY']);

    expect(stub.paths()).toEqual([
      `${GROUPED}2026-11-27?adjusted=true`,
      `${GROUPED}2026-11-25?adjusted=true`,
    ]);
    expect(refresh.updated).toEqual([{ symbol: 'SPY', price: 598.5, asOf: '2026-11-25' }]);
    expect(store.rows.get('SPY')).toEqual({ price: 598.5, asOf: '2026-11-25' });
  });

  it("steps back when the plan refuses today's session with HTTP 403, within the rate limit", async () => {
    const { market, stub, time } = await setup(
      byDate({
        '2026-11-27': { status: 403, body: { status: 'NOT_AUTHORIZED', message: 'plan timeframe' } },
        '2026-11-25': groupedDaily({ SPY: 598.5 }),
      }),
      { SPY: 500 },
      { rateLimit: { requests: 1, windowMs: 60_000 } },
      FRIDAY_EVENING,
    );

    const refresh = await market.refreshPrices(['SPY']);

    expect(stub.paths()).toHaveLength(2);
    expect(time.sleeps).toEqual([60_000]);
    expect(refresh.updated).toEqual([{ symbol: 'SPY', price: 598.5, asOf: '2026-11-25' }]);
  });

  it('gives up after three dates without bars and keeps the stored prices', async () => {
    const { market, stub, store } = await setup(byDate({}), { SPY: 500, NEW: null });

    const refresh = await market.refreshPrices(['SPY', 'NEW']);

    expect(stub.paths().map((path) => path.slice(GROUPED.length, GROUPED.length + 10))).toEqual([
      '2026-11-27',
      '2026-11-25',
      '2026-11-24',
    ]);
    expect(refresh.missing).toEqual(['SPY', 'NEW']);
    expect(refresh.note).toBe(
      'Polygon prices not refreshed for 2 of 2 symbols (SPY, NEW: no grouped daily bars for 2026-11-27, ' +
        '2026-11-25, 2026-11-24). No stored price for NEW; other stored prices kept.',
    );
    expect(store.rows.get('SPY')).toEqual({ price: 500, asOf: null });
  });

  it('reuses the market bars until the TTL passes or a new session closes', async () => {
    const { market, stub, time } = await setup(
      byDate({
        '2026-11-27': groupedDaily({ SPY: 601 }),
        '2026-11-30': groupedDaily({ SPY: 605 }),
      }),
      { SPY: 500 },
    );

    await market.refreshPrices(['SPY']);
    const cached = await market.refreshPrices(['SPY']);
    time.set(Date.UTC(2026, 10, 30, 22));
    const next = await market.refreshPrices(['SPY']);

    expect(cached.updated).toEqual([{ symbol: 'SPY', price: 601, asOf: '2026-11-27' }]);
    expect(next.updated).toEqual([{ symbol: 'SPY', price: 605, asOf: '2026-11-30' }]);
    expect(stub.paths()).toHaveLength(2);
  });

  it('reports symbols the bars do not hold, refused prices and symbols without an instrument row', async () => {
    const { market, store } = await setup(
      byDate({ '2026-11-27': groupedDaily({ SPY: 601, ZERO: 0, NEW: 5 }) }),
      { SPY: 500, ZERO: 3, GONE: null },
    );

    const refresh = await market.refreshPrices(['SPY', 'ZERO', 'GONE', 'NEW']);

    expect(refresh.updated).toEqual([{ symbol: 'SPY', price: 601, asOf: '2026-11-27' }]);
    expect(refresh.note).toBe(
      'Polygon prices not refreshed for 3 of 4 symbols (ZERO: rejected non-positive price 0; ' +
        'GONE: not in the grouped daily bars of 2026-11-27; NEW: no instrument row to update). ' +
        'No stored price for GONE, NEW; other stored prices kept.',
    );
    expect(store.rows.get('ZERO')).toEqual({ price: 3, asOf: null });
  });

  it.each([
    [401, 'HTTP 401: key rejected or plan not entitled'],
    [429, 'HTTP 429: rate limit exceeded'],
    [500, 'HTTP 500'],
  ])('keeps every stored price after HTTP %i without stepping back', async (status, reason) => {
    const { market, stub, store, logger } = await setup(() => ({ status, body: { status: 'ERROR' } }), {
      SPY: 500,
    });

    const refresh = await market.refreshPrices(['SPY']);

    expect(stub.paths()).toHaveLength(1);
    expect(refresh).toMatchObject({ updated: [], missing: ['SPY'] });
    expect(refresh.note).toBe(
      `Polygon prices not refreshed for 1 of 1 symbols (SPY: ${reason}). Stored prices kept.`,
    );
    expect(store.rows.get('SPY')).toEqual({ price: 500, asOf: null });
    expect(JSON.stringify(logger.lines)).not.toContain('secret-key');
  });

  it('reports malformed JSON, a timeout and a spent time budget as reasons', async () => {
    const broken = await setup(() => ({ text: '{"results": [' }), { SPY: 500 });
    const slow = await setup(() => 'hang', { SPY: 500 }, { requestTimeoutMs: 1_000 });
    const spent = await setup(byDate({}), { SPY: 500 }, { budgetMs: 500 });

    expect((await broken.market.refreshPrices(['SPY'])).note).toContain('SPY: response is not JSON');
    expect((await slow.market.refreshPrices(['SPY'])).note).toContain('SPY: no response within 1000 ms');
    expect((await spent.market.refreshPrices(['SPY'])).note).toContain('SPY: time budget of 500 ms spent');
    expect(spent.stub.paths()).toEqual([]);
  });

  it('calls nothing when the key is empty, or for no symbols', async () => {
    const keyless = await setup(byDate({}), { SPY: 500 }, { apiKey: ' ' });
    const empty = await setup(byDate({}), {});

    expect((await keyless.market.refreshPrices(['SPY'])).note).toContain(
      'SPY: not requested (no Polygon API key configured)',
    );
    expect(await empty.market.refreshPrices([])).toEqual({
      source: 'polygon:free',
      updated: [],
      missing: [],
      note: null,
    });
    expect([...keyless.stub.paths(), ...empty.stub.paths()]).toEqual([]);
  });
});
