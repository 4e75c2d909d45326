import { setTimeout as delay } from 'node:timers/promises';
import { errorName } from '@alex/errors';
import type { Clock, Logger, MarketData, PriceRefresh } from '@alex/runtime';
import { groupedDailySource } from './grouped-daily-source';
import { type PolygonFailure, type PolygonPlan, polygonFailure, polygonGet } from './polygon-get';
import type { PolygonGet, PriceSource, SourceRead } from './price-source';
import { type RateLimit, slidingWindowLimiter } from './sliding-window-limiter';
import { snapshotSource } from './snapshot-source';

/** Where refreshed prices go, and where the prices that stay come from. */
export interface PriceStore {
  /** Writes a price and the trading date it is from; false when there is no instrument row for the symbol. */
  savePrice(symbol: string, price: number, asOf: string): Promise<boolean>;
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
  /** How long fetched prices are reused in this process (default: free 1 h, paid 1 min). */
  cacheTtlMs?: number;
  /** Requests allowed per window (default: free 5 per 60 s, paid unlimited); null turns limiting off. */
  rateLimit?: RateLimit | null;
  /** Total time one refresh may take; requests that would not fit are not started (default 65 s). */
  budgetMs?: number;
  /** Timeout of one HTTP request (default 10 s), never beyond the remaining budget. */
  requestTimeoutMs?: number;
  /** Free plan: trading dates tried, newest first, when a date has no bars (default 3). */
  maxDateTries?: number;
  /** Paid plan: tickers per snapshot request (default 100). */
  batchSize?: number;
  baseUrl?: string;
}

const FREE_LIMIT: RateLimit = { requests: 5, windowMs: 60_000 };
// A request with less time than this left in the budget is not started.
const MIN_REQUEST_MS = 1_000;

/**
 * {@link MarketData} over Polygon: the free plan reads the whole market's grouped daily bars in one request,
 * the paid plan batched ticker snapshots. Requests go through a per-process cache, the plan's rate limit and a
 * time budget; only positive prices are written, each with the trading date it is from, and a symbol that
 * cannot be priced keeps its stored price and is reported in `missing` with the reason (never a guessed price).
 */
export function polygonMarketData(options: PolygonMarketDataOptions): MarketData {
  const fetchFn = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const ttlMs = options.cacheTtlMs ?? (options.plan === 'paid' ? 60_000 : 3_600_000);
  const rateLimit =
    options.rateLimit === undefined ? (options.plan === 'free' ? FREE_LIMIT : null) : options.rateLimit;
  const limiter = rateLimit ? slidingWindowLimiter(rateLimit) : null;
  const budgetMs = options.budgetMs ?? 65_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  const baseUrl = options.baseUrl ?? 'https://api.polygon.io';
  const now = () => options.clock.now().getTime();
  const source = `polygon:${options.plan}`;
  const prices: PriceSource =
    options.plan === 'paid'
      ? snapshotSource({ ttlMs, ...(options.batchSize ? { batchSize: options.batchSize } : {}) })
      : groupedDailySource({ ttlMs, maxTries: options.maxDateTries ?? 3 });

  /** A GET within the rate limit and what is left of the refresh's time budget. */
  function gate(deadline: number): PolygonGet {
    return async (path) => {
      const wait = limiter?.delayAt(now()) ?? 0;
      const timeoutMs = Math.min(requestTimeoutMs, deadline - now() - wait);
      if (timeoutMs < MIN_REQUEST_MS) return polygonFailure('budget', `time budget of ${budgetMs} ms spent`);
      if (wait > 0) await sleep(wait);
      limiter?.record(now());
      return polygonGet({ fetch: fetchFn, apiKey: options.apiKey, baseUrl, path, timeoutMs });
    };
  }

  async function save(symbol: string, price: number, asOf: string): Promise<string | null> {
    try {
      return (await options.store.savePrice(symbol, price, asOf)) ? null : 'no instrument row to update';
    } catch (error) {
      options.logger.error('saving a price failed', { symbol, errorName: errorName(error) });
      return `the price could not be saved (${errorName(error)})`;
    }
  }

  return {
    async refreshPrices(symbols) {
      const unique = [...new Set(symbols)];
      const updated: PriceRefresh['updated'] = [];
      const failures = new Map<string, string>();
      // An empty key would only collect 401s: report it once instead of spending requests on it.
      const read =
        options.apiKey.trim() === ''
          ? notRequested(unique, 'no Polygon API key configured')
          : await prices.read(unique, gate(now() + budgetMs), () => options.clock.now());
      for (const symbol of unique) {
        const quote = read.quotes.get(symbol);
        const notSaved = quote ? await save(symbol, quote.price, quote.asOf) : null;
        if (quote && !notSaved) updated.push({ symbol, price: quote.price, asOf: quote.asOf });
        else failures.set(symbol, notSaved ?? read.failures.get(symbol)?.reason ?? 'no price');
      }
      const missing = [...failures.keys()];
      if (missing.length === 0) {
        options.logger.info('prices refreshed', { source, updated: updated.length });
        return { source, updated, missing, note: null };
      }
      const note = await describeFailures(failures, unique.length, options.store);
      options.logger.warn('price refresh incomplete: stored prices kept', {
        source,
        updated: updated.length,
        missing,
        note,
      });
      return { source, updated, missing, note };
    },
  };
}

/** A read that asked nothing: every symbol fails with the reason it was not requested. */
function notRequested(symbols: readonly string[], reason: string): SourceRead {
  const failure: PolygonFailure = { kind: 'auth', reason: `not requested (${reason})` };
  return { quotes: new Map(), failures: new Map(symbols.map((symbol) => [symbol, failure])) };
}

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
