import { setTimeout as delay } from 'node:timers/promises';
import { errorName } from '@alex/errors';
import type { Clock, Logger, MarketData, PriceRefresh } from '@alex/runtime';
import { fetchPolygonPrice, type PolygonFailureKind, type PolygonPlan } from './fetch-polygon-price';
import { type RateLimit, slidingWindowLimiter } from './sliding-window-limiter';

/** Where refreshed prices go, and where the prices that stay come from. */
export interface PriceStore {
  /** Writes a price; false when there is no instrument row for the symbol. */
  savePrice(symbol: string, price: number): Promise<boolean>;
  storedPrices(symbols: readonly string[]): Promise<Map<string, number | null>>;
}

/** Options of {@link polygonMarketData}; time is injected so tests never wait. */
export interface PolygonMarketDataOptions {
  apiKey: string;
  plan: PolygonPlan;
  fetch?: typeof fetch;
  clock: Clock;
  sleep?: (ms: number) => Promise<void>;
  store: PriceStore;
  logger: Logger;
  /** How long a fetched price is reused in this process (default: free 1 h, paid 1 min). */
  cacheTtlMs?: number;
  /** Requests allowed per window (default: free 5 per 60 s, paid unlimited); null turns limiting off. */
  rateLimit?: RateLimit | null;
  /** Total time one refresh may take; symbols not reached by then are reported as stale (default 65 s). */
  budgetMs?: number;
  /** Timeout of one HTTP request (default 10 s), never beyond the remaining budget. */
  requestTimeoutMs?: number;
  baseUrl?: string;
}

const FREE_LIMIT: RateLimit = { requests: 5, windowMs: 60_000 };
const STOPPING: ReadonlySet<PolygonFailureKind> = new Set(['auth', 'rate-limited']);
// A request with less time than this left in the budget is not started.
const MIN_REQUEST_MS = 1_000;

/**
 * {@link MarketData} over Polygon (free: previous close, paid: ticker snapshot) with a per-process cache and
 * rate limiter; only positive prices are written, and a symbol that cannot be priced keeps its stored price
 * and is reported in `missing` with the reason (never a guessed price).
 */
export function polygonMarketData(options: PolygonMarketDataOptions): MarketData {
  const fetchFn = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const ttl = options.cacheTtlMs ?? (options.plan === 'paid' ? 60_000 : 3_600_000);
  const rateLimit =
    options.rateLimit === undefined ? (options.plan === 'free' ? FREE_LIMIT : null) : options.rateLimit;
  const limiter = rateLimit ? slidingWindowLimiter(rateLimit) : null;
  const budgetMs = options.budgetMs ?? 65_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  const baseUrl = options.baseUrl ?? 'https://api.polygon.io';
  const cache = new Map<string, { price: number; at: number }>();
  const now = () => options.clock.now().getTime();
  const source = `polygon:${options.plan}`;

  /** A price from the cache or Polygon, or the reason there is none and whether to stop asking. */
  async function priceOf(symbol: string, deadline: number, stopped: string | null): Promise<Outcome> {
    const cached = cache.get(symbol);
    if (cached && now() - cached.at < ttl) return { price: cached.price };
    if (stopped) return { reason: `not requested (${stopped})`, stop: false };
    const wait = limiter?.delayAt(now()) ?? 0;
    const timeoutMs = Math.min(requestTimeoutMs, deadline - now() - wait);
    if (timeoutMs < MIN_REQUEST_MS) {
      return { reason: `time budget of ${budgetMs} ms spent`, stop: true };
    }
    if (wait > 0) await sleep(wait);
    limiter?.record(now());
    const result = await fetchPolygonPrice({
      fetch: fetchFn,
      apiKey: options.apiKey,
      plan: options.plan,
      baseUrl,
      symbol,
      timeoutMs,
    });
    if (!result.ok) return { reason: result.error.reason, stop: STOPPING.has(result.error.kind) };
    cache.set(symbol, { price: result.value, at: now() });
    return { price: result.value };
  }

  async function save(symbol: string, price: number): Promise<string | null> {
    try {
      return (await options.store.savePrice(symbol, price)) ? null : 'no instrument row to update';
    } catch (error) {
      options.logger.error('saving a price failed', { symbol, errorName: errorName(error) });
      return `the price could not be saved (${errorName(error)})`;
    }
  }

  return {
    async refreshPrices(symbols) {
      const unique = [...new Set(symbols)];
      const deadline = now() + budgetMs;
      const updated: PriceRefresh['updated'] = [];
      const failures = new Map<string, string>();
      // An empty key would only collect 401s: report it once instead of spending requests on it.
      let stopped: string | null = options.apiKey.trim() === '' ? 'no Polygon API key configured' : null;
      for (const symbol of unique) {
        const outcome = await priceOf(symbol, deadline, stopped);
        if ('reason' in outcome) {
          failures.set(symbol, outcome.reason);
          if (outcome.stop) stopped ??= outcome.reason;
          continue;
        }
        const notSaved = await save(symbol, outcome.price);
        if (notSaved) failures.set(symbol, notSaved);
        else updated.push({ symbol, price: outcome.price });
      }
      const missing = [...failures.keys()];
      if (missing.length === 0) {
        options.logger.info('prices refreshed', { source, updated: updated.length });
        return { source, updated, missing, stale: false, note: null };
      }
      const note = await describeFailures(failures, unique.length, options.store);
      options.logger.warn('price refresh incomplete: stored prices kept', {
        source,
        updated: updated.length,
        missing,
        note,
      });
      return { source, updated, missing, stale: true, note };
    },
  };
}

type Outcome = { price: number } | { reason: string; stop: boolean };

/** A one-paragraph note: which symbols were not refreshed and why, and which have no price at all. */
async function describeFailures(
  failures: Map<string, string>,
  total: number,
  store: PriceStore,
): Promise<string> {
  const byReason = new Map<string, string[]>();
  for (const [symbol, reason] of failures) byReason.set(reason, [...(byReason.get(reason) ?? []), symbol]);
  const reasons = [...byReason].map(([reason, symbols]) => `${symbols.join(', ')}: ${reason}`).join('; ');
  let note = `Polygon prices not refreshed for ${failures.size} of ${total} symbols (${reasons}).`;
  try {
    const stored = await store.storedPrices([...failures.keys()]);
    const unpriced = [...failures.keys()].filter((symbol) => (stored.get(symbol) ?? null) === null);
    note +=
      unpriced.length > 0
        ? ` No stored price for ${unpriced.join(', ')}; other stored prices kept.`
        : ' Stored prices kept.';
  } catch {
    note += ' Stored prices kept.';
  }
  return note;
}
