import type { AnnualMarketYear } from '../history';
import { historicalGrowth } from './history-mapping';
import { allocateScenarios, type MarketScenarios } from './market-scenarios';

/** Rolling windows of `steps` consecutive years in `history`, or why there are none. */
function historicalWindowCount(historyYears: number, steps: number): number {
  // A plan with no market years still gets one path per year of history, no more.
  return Math.max(0, historyYears - Math.max(1, steps) + 1);
}

/**
 * Markets for the historical method: one path per rolling window of `steps` consecutive years, the first
 * starting in the first year of history, the last ending in its last year. Every window counts once.
 */
export function historicalScenarios(
  history: readonly AnnualMarketYear[],
  weights: Float64Array,
  steps: number,
): MarketScenarios {
  const paths = historicalWindowCount(history.length, steps);
  if (paths === 0)
    throw new RangeError(`a ${steps}-year plan does not fit in ${history.length} years of history`);
  const growth = historicalGrowth(history, weights);
  const scenarios = allocateScenarios(paths, steps);
  for (let path = 0; path < paths; path++) {
    scenarios.growth.set(growth.subarray(path, path + steps), path * steps);
    for (let step = 0; step < steps; step++)
      scenarios.inflation[path * steps + step] = 1 + (history[path + step] as AnnualMarketYear).inflation;
  }
  return scenarios;
}
