import { type IsoDate, lastTradingDay } from './us-market-calendar';

/** A held symbol's stored price date (null: unknown, such as a price written before dates were stored). */
export interface PriceDate {
  symbol: string;
  asOf: IsoDate | null;
}

/** How current a set of stored prices is, against the last US trading day. */
export interface PriceFreshness {
  /** The oldest date among the prices that have one; null when none has. */
  asOf: IsoDate | null;
  /** The newest date among the prices that have one; null when none has. */
  newestAsOf: IsoDate | null;
  /** Symbols whose price is older than the last trading day or has no date, sorted. */
  staleSymbols: string[];
  /** The last trading day whose session had closed when this was judged. */
  lastTradingDay: IsoDate;
}

/**
 * Judges stored prices at `now`: a price is stale when it is from before the last trading day whose session
 * has closed, or when its date is unknown. Pass only symbols that have a price (an unpriced one is a gap, not
 * a stale price).
 */
export function priceFreshness(prices: readonly PriceDate[], now: Date): PriceFreshness {
  const last = lastTradingDay(now);
  const dates = prices.flatMap((price) => (price.asOf === null ? [] : [price.asOf])).sort();
  const stale = prices
    .filter((price) => price.asOf === null || price.asOf < last)
    .map((price) => price.symbol);
  return {
    asOf: dates[0] ?? null,
    newestAsOf: dates.at(-1) ?? null,
    staleSymbols: [...new Set(stale)].sort(),
    lastTradingDay: last,
  };
}
