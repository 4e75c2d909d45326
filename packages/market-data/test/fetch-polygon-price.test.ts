import { describe, expect, it } from 'vitest';
import { fetchPolygonPrice, type PolygonPlan } from '../src';
import { fakePolygon, fakeTime, type Reply } from './support/fake-polygon';

async function price(plan: PolygonPlan, reply: Reply) {
  const polygon = fakePolygon({ AAPL: reply }, fakeTime());
  const result = await fetchPolygonPrice({
    fetch: polygon.fetch,
    apiKey: 'k',
    plan,
    baseUrl: 'https://api.polygon.io',
    symbol: 'AAPL',
    timeoutMs: 1_000,
  });
  return { result, calls: polygon.calls };
}

const snapshot = (ticker: Record<string, unknown>): Reply => ({
  body: { status: 'OK', request_id: 'r', ticker },
});

describe('fetchPolygonPrice (paid plan snapshot)', () => {
  it('reads the last trade price from the ticker snapshot path', async () => {
    const { result, calls } = await price(
      'paid',
      snapshot({
        ticker: 'AAPL',
        lastTrade: { p: 232.1 },
        min: { c: 232 },
        day: { c: 231 },
        prevDay: { c: 229 },
      }),
    );

    expect(result).toEqual({ ok: true, value: 232.1 });
    expect(calls[0]?.url.pathname).toBe('/v2/snapshot/locale/us/markets/stocks/tickers/AAPL');
  });

  it('falls back to the previous day close when the plan has no trades and the day has not started', async () => {
    const { result } = await price(
      'paid',
      snapshot({ ticker: 'AAPL', min: { c: 0 }, day: { c: 0 }, prevDay: { c: 229 } }),
    );

    expect(result).toEqual({ ok: true, value: 229 });
  });

  it('fails when the snapshot has no positive price', async () => {
    const { result } = await price('paid', snapshot({ ticker: 'AAPL', day: { c: 0 }, prevDay: { c: 0 } }));

    expect(result).toEqual({
      ok: false,
      error: { kind: 'no-price', reason: 'rejected non-positive price 0' },
    });
  });

  it('fails when the ticker is unknown', async () => {
    const { result } = await price('paid', {
      status: 404,
      body: { status: 'NOT_FOUND', message: 'Ticker not found.' },
    });

    expect(result).toEqual({ ok: false, error: { kind: 'http', reason: 'HTTP 404' } });
  });

  it('classifies a plan without snapshot access as an auth failure', async () => {
    const { result } = await price('paid', { status: 403, body: { status: 'NOT_AUTHORIZED' } });

    expect(result.ok === false && result.error.kind).toBe('auth');
  });

  it('classifies a network error without repeating its message', async () => {
    const { result } = await price('free', new TypeError('fetch failed'));

    expect(result).toEqual({ ok: false, error: { kind: 'network', reason: 'request failed (TypeError)' } });
  });
});
