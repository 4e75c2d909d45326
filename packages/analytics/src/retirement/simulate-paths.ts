import { ASSET_CLASSES, type CapitalMarketAssumptions } from './assumptions';
import { FACTOR_COUNT, MarketSampler } from './market-sampler';
/** A validated simulation plan: money in today's dollars, time in whole years from today. */
export interface PathPlan {
  paths: number;
  seed: number;
  /** Rows simulated: year 0 (today) through the end age inclusive. */
  years: number;
  /** First year with a withdrawal; contributions are made in the years before it. */
  retirementYear: number;
  startValue: number;
  annualContribution: number;
  targetIncome: number;
  /** Fractions by asset class in `ASSET_CLASSES` order, summing to 1. */
  weights: Float64Array;
}

/** Every path's real wealth by year and the year each path ran out (-1 if it never did). */
export interface SimulatedPaths {
  /** Year-major: `real[year * paths + path]` is wealth in today's dollars at the start of that year. */
  real: Float64Array;
  depletedYear: Int32Array;
}

/**
 * Runs the paths, drawing each year's market from `MarketSampler`. Each year, in this order:
 * 1. record wealth in real terms (start of year, before that year's cash flow);
 * 2. before retirement, add the contribution (today's dollars × inflation index); from retirement on,
 *    withdraw the target income × inflation index, or, if wealth is short of it, mark the path depleted
 *    at this year and set wealth to 0 (the path stays at 0);
 * 3. grow the whole pot, rebalanced to the weights, by Σ wᵢ(1 + rᵢ), and the index by 1 + π.
 * No market is drawn after the last year, whose growth nothing reports.
 */
export function simulatePaths(plan: PathPlan, assumptions: CapitalMarketAssumptions): SimulatedPaths {
  const { paths, years, retirementYear, startValue, annualContribution, targetIncome, weights } = plan;
  const assetCount = ASSET_CLASSES.length;
  const active = Array.from(
    { length: FACTOR_COUNT },
    (_, i) => i >= assetCount || (weights[i] as number) > 0,
  );
  const market = new MarketSampler(assumptions, plan.seed, active);
  const gross = new Float64Array(FACTOR_COUNT);
  const real = new Float64Array(years * paths);
  const depletedYear = new Int32Array(paths).fill(-1);
  for (let path = 0; path < paths; path++) {
    let wealth = startValue;
    let index = 1;
    let depleted = false;
    for (let year = 0; year < years; year++) {
      real[year * paths + path] = wealth / index;
      if (year < retirementYear) {
        wealth += annualContribution * index;
      } else if (!depleted) {
        const withdrawal = targetIncome * index;
        if (wealth < withdrawal) {
          depleted = true;
          depletedYear[path] = year;
          wealth = 0;
        } else {
          wealth -= withdrawal;
        }
      }
      if (year === years - 1) break;
      market.nextYear(gross);
      let growth = 0;
      for (let i = 0; i < assetCount; i++) {
        const weight = weights[i] as number;
        if (weight > 0) growth += weight * (gross[i] as number);
      }
      wealth *= growth;
      index *= gross[assetCount] as number;
    }
  }
  return { real, depletedYear };
}

/** Orders a weights record as `ASSET_CLASSES`, normalised to sum exactly to 1. */
export function weightVector(weights: Partial<Record<(typeof ASSET_CLASSES)[number], number>>): Float64Array {
  const vector = Float64Array.from(ASSET_CLASSES, (assetClass) => weights[assetClass] ?? 0);
  const total = vector.reduce((sum, weight) => sum + weight, 0);
  return vector.map((weight) => weight / total);
}
