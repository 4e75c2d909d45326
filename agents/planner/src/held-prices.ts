import type { Portfolio } from '@alex/contracts';
import { type PriceFreshness, priceFreshness } from '@alex/market-data';

/**
 * How current the prices of what the person holds are at `now`: judged from the dates stored with the prices
 * (after the refresh), so it holds whichever market data adapter ran. Unpriced holdings are gaps, not stale.
 */
export function heldPriceFreshness(portfolio: Portfolio, now: Date): PriceFreshness {
  const held = portfolio.accounts.flatMap((account) =>
    account.positions
      .filter((position) => position.instrument.currentPrice !== null)
      .map((position) => ({ symbol: position.symbol, asOf: position.instrument.priceAsOf ?? null })),
  );
  return priceFreshness(held, now);
}
