import { errorName, truncate } from '@alex/errors';
import type { Result } from '@alex/runtime';

/** Which Polygon plan the key belongs to: `free` reads the previous close, `paid` the ticker snapshot. */
export type PolygonPlan = 'free' | 'paid';

/**
 * Why no price was read for a symbol. `auth` and `rate-limited` hold for every later request too, so the
 * caller stops asking; the others concern this symbol only.
 */
export type PolygonFailureKind =
  | 'auth'
  | 'rate-limited'
  | 'http'
  | 'timeout'
  | 'network'
  | 'bad-response'
  | 'no-price';

/** A failed price read: its kind and a short reason that never contains the API key. */
export interface PolygonFailure {
  kind: PolygonFailureKind;
  reason: string;
}

/** One price read from Polygon: a positive finite price, or why there is none. */
export type PolygonPriceResult = Result<number, PolygonFailure>;

/** What {@link fetchPolygonPrice} needs. */
export interface PolygonRequest {
  fetch: typeof fetch;
  apiKey: string;
  plan: PolygonPlan;
  baseUrl: string;
  symbol: string;
  timeoutMs: number;
}

/** The Polygon path that prices one symbol on a plan. */
export function polygonPricePath(plan: PolygonPlan, symbol: string): string {
  const ticker = encodeURIComponent(symbol);
  return plan === 'paid'
    ? `/v2/snapshot/locale/us/markets/stocks/tickers/${ticker}`
    : `/v2/aggs/ticker/${ticker}/prev?adjusted=true`;
}

/** Reads one symbol's price from Polygon; every failure (HTTP, timeout, shape, non-positive price) is returned. */
export async function fetchPolygonPrice(request: PolygonRequest): Promise<PolygonPriceResult> {
  const url = `${request.baseUrl}${polygonPricePath(request.plan, request.symbol)}`;
  let response: Response;
  try {
    // The key goes in a header (Polygon accepts `Authorization: Bearer`) so it never appears in a URL.
    response = await request.fetch(url, {
      headers: { Authorization: `Bearer ${request.apiKey}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    const name = errorName(error);
    if (name === 'TimeoutError' || name === 'AbortError') {
      return failure('timeout', `no response within ${request.timeoutMs} ms`);
    }
    return failure('network', `request failed (${name})`);
  }
  if (!response.ok) return failure(...httpFailure(response.status));
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return failure('bad-response', 'response is not JSON');
  }
  const price = request.plan === 'paid' ? snapshotPrice(body) : previousClose(body);
  if (price === undefined) return failure('no-price', 'no price in the response');
  if (!isPositivePrice(price))
    return failure('no-price', `rejected non-positive price ${truncate(String(price), 20)}`);
  return { ok: true, value: price };
}

/** True for a number a price may be: finite and above zero. */
export function isPositivePrice(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function httpFailure(status: number): [PolygonFailureKind, string] {
  if (status === 401 || status === 403) return ['auth', `HTTP ${status}: key rejected or plan not entitled`];
  if (status === 429) return ['rate-limited', 'HTTP 429: rate limit exceeded'];
  return ['http', `HTTP ${status}`];
}

function failure(kind: PolygonFailureKind, reason: string): PolygonPriceResult {
  return { ok: false, error: { kind, reason } };
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** `results[0].c` of the previous-day bar (`/v2/aggs/ticker/{T}/prev`). */
function previousClose(body: unknown): unknown {
  const results = field(body, 'results');
  return Array.isArray(results) ? field(results[0], 'c') : undefined;
}

/**
 * The newest positive price of a ticker snapshot: last trade, then minute bar, day bar and previous day
 * close. Day and minute bars read 0 between the 3:30 AM reset and the first trade, so zeros are skipped.
 */
function snapshotPrice(body: unknown): unknown {
  const ticker = field(body, 'ticker');
  if (ticker === undefined) return undefined;
  const candidates = [
    field(field(ticker, 'lastTrade'), 'p'),
    field(field(ticker, 'min'), 'c'),
    field(field(ticker, 'day'), 'c'),
    field(field(ticker, 'prevDay'), 'c'),
  ];
  return candidates.find(isPositivePrice) ?? candidates.find((candidate) => candidate !== undefined);
}
