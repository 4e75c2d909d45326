import type { AnnualMarketYear } from '../retirement/history';
import { historicalGrowth } from '../retirement/markets/history-mapping';

/**
 * Each history year's real return of the mix rebalanced to `weights` (in `ASSET_CLASSES` order, summing to 1)
 * at every January: the nominal gross return Σ wᵢ(1 + rᵢ) deflated by that year's CPI, (growth / (1 + π)) − 1.
 */
export function realReturns(history: readonly AnnualMarketYear[], weights: Float64Array): Float64Array {
  const growth = historicalGrowth(history, weights);
  return growth.map((gross, i) => gross / (1 + (history[i] as AnnualMarketYear).inflation) - 1);
}
