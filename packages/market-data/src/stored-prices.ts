import type { MarketData } from '@alex/runtime';

/**
 * Market data that keeps the stored prices: nothing is fetched or written, and symbols without a stored
 * price are reported as missing rather than guessed. Whether the kept prices are current is judged from
 * their stored dates by the caller.
 */
export function storedPrices(
  lookup: (symbols: readonly string[]) => Promise<Map<string, number | null>>,
): MarketData {
  return {
    async refreshPrices(symbols) {
      const prices = await lookup(symbols);
      const missing = symbols.filter((symbol) => (prices.get(symbol) ?? null) === null);
      return {
        source: 'stored',
        updated: [],
        missing,
        note: 'no market data source configured: stored prices used as they are',
      };
    },
  };
}
