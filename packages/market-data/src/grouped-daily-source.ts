import type { Result } from '@alex/runtime';
import { type PolygonFailure, polygonFailure } from './polygon-get';
import { groupedDailyPath, parseGroupedDaily } from './polygon-responses';
import { type PolygonGet, type PriceSource, quoteOrFailure, type SourceRead } from './price-source';
import { type IsoDate, lastTradingDay, newYorkTime, previousTradingDay } from './us-market-calendar';

/** Options of {@link groupedDailySource}. */
export interface GroupedDailyOptions {
  /** How long a market's bars are reused in this process before asking again. */
  ttlMs: number;
  /** Dates tried, newest first, before giving up (each try is one request). */
  maxTries: number;
}

interface MarketCloses {
  /** The last trading day when the bars were read: the cache key. */
  target: IsoDate;
  /** The date the bars are from (the target, or earlier when its bars were not there). */
  date: IsoDate;
  closes: Map<string, number>;
  at: number;
}

/**
 * Prices from Polygon's grouped daily bars: one request prices the whole US market at the last trading day's
 * close, so a portfolio of any size costs one of the free plan's five calls a minute. A date without bars (a
 * closure the calendar does not know, or bars not published yet) steps back one trading day, at most
 * `maxTries` dates in all.
 */
export function groupedDailySource(options: GroupedDailyOptions): PriceSource {
  let cached: MarketCloses | null = null;

  async function marketCloses(get: PolygonGet, now: Date): Promise<Result<MarketCloses, PolygonFailure>> {
    const target = lastTradingDay(now);
    if (cached && cached.target === target && now.getTime() - cached.at < options.ttlMs) {
      return { ok: true, value: cached };
    }
    const today = newYorkTime(now).date;
    const tried: IsoDate[] = [];
    for (let date = target; tried.length < options.maxTries; date = previousTradingDay(date)) {
      tried.push(date);
      const response = await get(groupedDailyPath(date));
      if (!response.ok) {
        // A plan refuses a session's bars with 403 until they are published to it (polygon-io/issues#313):
        // for today's session, step back instead of calling the key refused.
        if (response.error.status === 403 && date === today) continue;
        return response;
      }
      const closes = parseGroupedDaily(response.value);
      if (closes === null)
        return polygonFailure('bad-response', 'grouped daily bars have an unexpected shape');
      if (closes.size > 0) {
        cached = { target, date, closes, at: now.getTime() };
        return { ok: true, value: cached };
      }
    }
    return polygonFailure('no-price', `no grouped daily bars for ${tried.join(', ')}`);
  }

  return {
    async read(symbols, get, now): Promise<SourceRead> {
      const read: SourceRead = { quotes: new Map(), failures: new Map() };
      if (symbols.length === 0) return read;
      const market = await marketCloses(get, now());
      for (const symbol of symbols) {
        if (!market.ok) {
          read.failures.set(symbol, market.error);
          continue;
        }
        const { date, closes } = market.value;
        const quote = quoteOrFailure(closes.get(symbol), date, `not in the grouped daily bars of ${date}`);
        if (quote.ok) read.quotes.set(symbol, quote.value);
        else read.failures.set(symbol, quote.error);
      }
      return read;
    },
  };
}
