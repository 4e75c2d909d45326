import type { AnnualMarketYear } from '../history';
import { SeededRandom } from '../random';
import { historicalGrowth } from './history-mapping';
import { allocateScenarios, type MarketScenarios } from './market-scenarios';

/** Consecutive historical years per block: long enough to keep a bear market or an inflation spell whole. */
export const BOOTSTRAP_BLOCK_YEARS = 5;

/**
 * Markets for the bootstrap method: each path is stitched from blocks of `blockYears` consecutive historical
 * years, each block starting at a uniformly drawn year and wrapping from the last year to the first (a
 * circular block bootstrap, so every year is equally likely). A year's stock, bond and inflation figures
 * always travel together.
 */
export function bootstrapScenarios(
  history: readonly AnnualMarketYear[],
  weights: Float64Array,
  paths: number,
  steps: number,
  seed: number,
  blockYears: number = BOOTSTRAP_BLOCK_YEARS,
): MarketScenarios {
  const years = history.length;
  const growth = historicalGrowth(history, weights);
  const inflation = Float64Array.from(history, (year) => 1 + year.inflation);
  const random = new SeededRandom(seed);
  const scenarios = allocateScenarios(paths, steps);
  for (let path = 0; path < paths; path++) {
    const offset = path * steps;
    let source = 0;
    for (let step = 0; step < steps; step++) {
      source = step % blockYears === 0 ? Math.floor(random.nextFloat() * years) : (source + 1) % years;
      scenarios.growth[offset + step] = growth[source] as number;
      scenarios.inflation[offset + step] = inflation[source] as number;
    }
  }
  return scenarios;
}
