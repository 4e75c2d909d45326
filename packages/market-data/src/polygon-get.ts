import { errorName } from '@alex/errors';
import type { Result } from '@alex/runtime';

/** Which Polygon plan the key belongs to: `free` reads the grouped daily bars, `paid` batched ticker snapshots. */
export type PolygonPlan = 'free' | 'paid';

/**
 * Why no price was read. `auth`, `rate-limited` and `budget` hold for every later request too, so the caller
 * stops asking; the others concern one request or symbol only.
 */
export type PolygonFailureKind =
  | 'auth'
  | 'rate-limited'
  | 'budget'
  | 'http'
  | 'timeout'
  | 'network'
  | 'bad-response'
  | 'no-price';

/** A failed read: its kind and a short reason that never contains the API key. */
export interface PolygonFailure {
  kind: PolygonFailureKind;
  reason: string;
  /** The HTTP status, when Polygon answered with an error. */
  status?: number;
}

/** What {@link polygonGet} needs. */
export interface PolygonGetRequest {
  fetch: typeof fetch;
  apiKey: string;
  baseUrl: string;
  /** The path and query, starting with `/`. */
  path: string;
  timeoutMs: number;
}

/** Failure kinds after which no further request is worth making in this refresh. */
export const STOPPING_FAILURES: ReadonlySet<PolygonFailureKind> = new Set(['auth', 'rate-limited', 'budget']);

/** A failed read as a Result. */
export function polygonFailure<T>(
  kind: PolygonFailureKind,
  reason: string,
  status?: number,
): Result<T, PolygonFailure> {
  return { ok: false, error: status === undefined ? { kind, reason } : { kind, reason, status } };
}

/** GETs a Polygon path and returns its JSON body; every failure (HTTP, timeout, network, not JSON) is returned. */
export async function polygonGet(request: PolygonGetRequest): Promise<Result<unknown, PolygonFailure>> {
  let response: Response;
  try {
    // The key goes in a header (Polygon accepts `Authorization: Bearer`) so it never appears in a URL.
    response = await request.fetch(`${request.baseUrl}${request.path}`, {
      headers: { Authorization: `Bearer ${request.apiKey}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    const name = errorName(error);
    if (name === 'TimeoutError' || name === 'AbortError') {
      return polygonFailure('timeout', `no response within ${request.timeoutMs} ms`);
    }
    return polygonFailure('network', `request failed (${name})`);
  }
  if (!response.ok) {
    // Drain the body so the connection is released; its text is not needed.
    await response.body?.cancel().catch(() => undefined);
    const [kind, reason] = httpFailure(response.status);
    return polygonFailure(kind, reason, response.status);
  }
  try {
    return { ok: true, value: await response.json() };
  } catch {
    return polygonFailure('bad-response', 'response is not JSON');
  }
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
