import { type PolygonFailure, STOPPING_FAILURES } from './polygon-get';
import { type DatedQuote, parseSnapshots, snapshotsPath } from './polygon-responses';
import { type PriceSource, quoteOrFailure, type SourceRead } from './price-source';

/** Options of {@link snapshotSource}. */
export interface SnapshotOptions {
  /** How long a symbol's price is reused in this process before asking again. */
  ttlMs: number;
  /** Tickers per request (default 100, which keeps the URL short). */
  batchSize?: number;
}

/**
 * Prices from Polygon's ticker snapshots, many tickers a request (`?tickers=A,B,…`): the newest trade or bar
 * of each, dated by the trading session it belongs to. A paid plan's way, where prices move during the day.
 */
export function snapshotSource(options: SnapshotOptions): PriceSource {
  const batchSize = options.batchSize ?? 100;
  const cache = new Map<string, { quote: DatedQuote; at: number }>();

  return {
    async read(symbols, get, now): Promise<SourceRead> {
      const read: SourceRead = { quotes: new Map(), failures: new Map() };
      const pending: string[] = [];
      for (const symbol of symbols) {
        const hit = cache.get(symbol);
        if (hit && now().getTime() - hit.at < options.ttlMs) read.quotes.set(symbol, hit.quote);
        else pending.push(symbol);
      }
      let stopped: PolygonFailure | null = null;
      for (let start = 0; start < pending.length; start += batchSize) {
        const batch = pending.slice(start, start + batchSize);
        const fail = (failure: PolygonFailure) => {
          for (const symbol of batch) read.failures.set(symbol, failure);
        };
        if (stopped) {
          fail({ kind: stopped.kind, reason: `not requested (${stopped.reason})` });
          continue;
        }
        const response = await get(snapshotsPath(batch));
        if (!response.ok) {
          fail(response.error);
          if (STOPPING_FAILURES.has(response.error.kind)) stopped = response.error;
          continue;
        }
        const quotes = parseSnapshots(response.value, now());
        if (quotes === null) {
          fail({ kind: 'bad-response', reason: 'snapshots have an unexpected shape' });
          continue;
        }
        for (const symbol of batch) {
          const found = quotes.get(symbol);
          const quote = quoteOrFailure(found?.price, found?.asOf ?? '', 'not in the snapshot');
          if (!quote.ok) {
            read.failures.set(symbol, quote.error);
            continue;
          }
          read.quotes.set(symbol, quote.value);
          cache.set(symbol, { quote: quote.value, at: now().getTime() });
        }
      }
      return read;
    },
  };
}
