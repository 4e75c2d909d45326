import { z } from 'zod';
import { type IsoDate, newYorkTime, previousTradingDay } from './us-market-calendar';

/** The US stock market's daily bars for one date (`/v2/aggs/grouped/locale/us/market/stocks/{date}`). */
export function groupedDailyPath(date: IsoDate): string {
  // Split-adjusted (the default, said explicitly), OTC securities left out (the default).
  return `/v2/aggs/grouped/locale/us/market/stocks/${date}?adjusted=true`;
}

/** Snapshots of some tickers in one request (`/v2/snapshot/locale/us/markets/stocks/tickers?tickers=A,B`). */
export function snapshotsPath(symbols: readonly string[]): string {
  // Tickers are case-sensitive; the commas between them stay literal, as Polygon's examples write them.
  return `/v2/snapshot/locale/us/markets/stocks/tickers?tickers=${symbols.map(encodeURIComponent).join(',')}`;
}

// Bars and entries are validated one by one, so one malformed ticker does not discard the whole market.
const Envelope = z.object({ status: z.string().optional(), results: z.array(z.unknown()).nullish() });
const GroupedBar = z.object({ T: z.string().min(1), c: z.number() });

/**
 * The closes of a grouped daily response by ticker (any close, even zero, so the caller can say why it was
 * refused); an empty map when the date had no session (a weekend, a holiday, or data not published yet).
 */
export function parseGroupedDaily(body: unknown): Map<string, number> | null {
  const envelope = Envelope.safeParse(body);
  if (!envelope.success) return null;
  const closes = new Map<string, number>();
  for (const entry of envelope.data.results ?? []) {
    const bar = GroupedBar.safeParse(entry);
    if (bar.success) closes.set(bar.data.T, bar.data.c);
  }
  return closes;
}

const Price = z.number().nullish();
const Stamp = z.number().nullish();
const SnapshotTicker = z.object({
  ticker: z.string().min(1),
  lastTrade: z.object({ p: Price, t: Stamp }).nullish(),
  min: z.object({ c: Price, t: Stamp }).nullish(),
  day: z.object({ c: Price }).nullish(),
  prevDay: z.object({ c: Price }).nullish(),
  updated: Stamp,
});
const Snapshots = z.object({ status: z.string().optional(), tickers: z.array(z.unknown()).nullish() });

/** A price and the trading date it is from. */
export interface DatedQuote {
  price: number;
  asOf: IsoDate;
}

/**
 * Polygon's timestamps are Unix nanoseconds (trades, `updated`) or milliseconds (bars): read either, by size.
 * Returns null for a missing or zero stamp.
 */
function epochMs(stamp: number | null | undefined): number | null {
  if (!stamp || !Number.isFinite(stamp) || stamp <= 0) return null;
  if (stamp > 1e17) return stamp / 1e6;
  if (stamp > 1e14) return stamp / 1e3;
  return stamp;
}

function dateAt(ms: number | null, fallback: IsoDate): IsoDate {
  return ms === null ? fallback : newYorkTime(new Date(ms)).date;
}

/**
 * The newest price of one ticker snapshot and its date: last trade, then minute bar, day bar (the session of
 * `updated`) and the previous day's close (the trading day before that session). Day and minute bars read 0
 * between the 3:30 AM reset and the first trade, so zeros are skipped; with no positive price, the first one
 * found is returned as it is, for the caller to refuse with its value.
 */
function snapshotQuote(ticker: z.infer<typeof SnapshotTicker>, now: Date): { price: unknown; asOf: IsoDate } {
  const session = dateAt(epochMs(ticker.updated), newYorkTime(now).date);
  const candidates = [
    { price: ticker.lastTrade?.p, asOf: dateAt(epochMs(ticker.lastTrade?.t), session) },
    { price: ticker.min?.c, asOf: dateAt(epochMs(ticker.min?.t), session) },
    { price: ticker.day?.c, asOf: session },
    { price: ticker.prevDay?.c, asOf: previousTradingDay(session) },
  ];
  return (
    candidates.find((c) => typeof c.price === 'number' && c.price > 0) ??
    candidates.find((c) => typeof c.price === 'number') ?? { price: undefined, asOf: session }
  );
}

/** The price and date of every ticker in a snapshots response; null when the body is not a snapshots response. */
export function parseSnapshots(
  body: unknown,
  now: Date,
): Map<string, { price: unknown; asOf: IsoDate }> | null {
  const envelope = Snapshots.safeParse(body);
  if (!envelope.success) return null;
  const quotes = new Map<string, { price: unknown; asOf: IsoDate }>();
  for (const entry of envelope.data.tickers ?? []) {
    const ticker = SnapshotTicker.safeParse(entry);
    if (ticker.success) quotes.set(ticker.data.ticker, snapshotQuote(ticker.data, now));
  }
  return quotes;
}
