import type { Clock } from '@alex/runtime';
import type { PriceStore } from '../../src';

/** A scripted Polygon reply for one symbol: a status with a JSON body, raw text, or a thrown error. */
export type Reply = { status?: number; body?: unknown; text?: string } | Error;

/** A clock that only moves when told to, and a sleep that moves it instead of waiting. */
export function fakeTime(start = 0) {
  let now = start;
  const sleeps: number[] = [];
  const clock: Clock = { now: () => new Date(now) };
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    now += ms;
  };
  const advance = (ms: number) => {
    now += ms;
  };
  return { clock, sleep, sleeps, advance, ms: () => now };
}

/** A fetch that answers Polygon price paths from a script keyed by symbol; each request takes `latencyMs`. */
export function fakePolygon(
  replies: Record<string, Reply>,
  time: ReturnType<typeof fakeTime>,
  latencyMs = 0,
) {
  const calls: { symbol: string; url: URL; authorization: string | null; at: number }[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    const symbol = decodeURIComponent(/\/tickers?\/([^/]+)/.exec(url.pathname)?.[1] ?? '');
    calls.push({
      symbol,
      url,
      authorization: new Headers(init?.headers).get('authorization'),
      at: time.ms(),
    });
    time.advance(latencyMs);
    const reply = replies[symbol] ?? { status: 404, body: { status: 'NOT_FOUND' } };
    if (reply instanceof Error) throw reply;
    const text = reply.text ?? JSON.stringify(reply.body ?? {});
    return new Response(text, {
      status: reply.status ?? 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch, calls };
}

/** A previous-day bar response (`/v2/aggs/ticker/{T}/prev`) with close `c`. */
export function prevClose(ticker: string, c: unknown): Reply {
  return {
    body: {
      ticker,
      adjusted: true,
      queryCount: 1,
      resultsCount: 1,
      status: 'OK',
      request_id: 'r-1',
      results: [{ T: ticker, c, h: 1, l: 1, o: 1, t: 1_700_000_000_000, v: 100, vw: 1 }],
    },
  };
}

/** An in-memory price store over instrument rows (a symbol with null has a row but no price). */
export function memoryStore(
  initial: Record<string, number | null>,
): PriceStore & { prices: Map<string, number | null> } {
  const prices = new Map(Object.entries(initial));
  return {
    prices,
    async savePrice(symbol, price) {
      if (!prices.has(symbol)) return false;
      prices.set(symbol, price);
      return true;
    },
    async storedPrices(symbols) {
      return new Map(symbols.map((symbol) => [symbol, prices.get(symbol) ?? null]));
    },
  };
}
