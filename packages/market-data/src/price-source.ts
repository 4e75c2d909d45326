import type { Result } from '@alex/runtime';
import type { PolygonFailure } from './polygon-get';
import type { DatedQuote } from './polygon-responses';

/** One rate-limited, time-budgeted GET of a Polygon path, returning its JSON body. */
export type PolygonGet = (path: string) => Promise<Result<unknown, PolygonFailure>>;

/** What a price source read: a dated price for some symbols, and why there is none for the others. */
export interface SourceRead {
  quotes: Map<string, DatedQuote>;
  failures: Map<string, PolygonFailure>;
}

/** Reads prices for symbols from Polygon, one plan's way (grouped daily bars, or batched snapshots). */
export interface PriceSource {
  read(symbols: readonly string[], get: PolygonGet, now: () => Date): Promise<SourceRead>;
}

/** A positive price becomes a quote; anything else a `no-price` failure saying what was refused. */
export function quoteOrFailure(
  price: unknown,
  asOf: string,
  missing: string,
): Result<DatedQuote, PolygonFailure> {
  if (price === undefined || price === null)
    return { ok: false, error: { kind: 'no-price', reason: missing } };
  if (typeof price === 'number' && Number.isFinite(price) && price > 0)
    return { ok: true, value: { price, asOf } };
  return {
    ok: false,
    error: { kind: 'no-price', reason: `rejected non-positive price ${String(price).slice(0, 20)}` },
  };
}
