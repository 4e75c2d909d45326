import type { Clock } from '@alex/runtime';
import type { PriceStore } from '../../src';

/** A clock that only moves when told to, and a sleep that moves it instead of waiting. */
export function fakeTime(start: number) {
  let now = start;
  const sleeps: number[] = [];
  const clock: Clock = { now: () => new Date(now) };
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    now += ms;
  };
  const set = (ms: number) => {
    now = ms;
  };
  return { clock, sleep, sleeps, set, ms: () => now };
}

/** A stored price and its date (null: a row without a price, or a price without a date). */
export interface StoredQuote {
  price: number | null;
  asOf: string | null;
}

/** An in-memory price store over instrument rows, keyed by symbol (a symbol without a row is absent). */
export function memoryStore(
  initial: Record<string, number | null>,
): PriceStore & { rows: Map<string, StoredQuote> } {
  const rows = new Map<string, StoredQuote>(
    Object.entries(initial).map(([symbol, price]) => [symbol, { price, asOf: null }]),
  );
  return {
    rows,
    async savePrice(symbol, price, asOf) {
      if (!rows.has(symbol)) return false;
      rows.set(symbol, { price, asOf });
      return true;
    },
    async storedPrices(symbols) {
      return new Map(symbols.map((symbol) => [symbol, rows.get(symbol)?.price ?? null]));
    },
  };
}
