/**
 * Simulated markets for one allocation: for every path and year, the portfolio's gross return before fees
 * (rebalanced yearly to the weights, Σ wᵢ(1 + rᵢ)) and the gross inflation 1 + π. Built once and reused by
 * every what-if, solve and spending strategy on the same allocation (common random numbers), so a change in
 * a money input is never confused with a change of luck.
 */
export interface MarketScenarios {
  paths: number;
  /** Market years per path: the years of the plan minus the last, whose growth nothing reports. */
  steps: number;
  /** Path-major: `growth[path * steps + step]`. */
  growth: Float64Array;
  /** Path-major: `inflation[path * steps + step]`. */
  inflation: Float64Array;
}

/** An empty scenario set with room for `paths` × `steps` years. */
export function allocateScenarios(paths: number, steps: number): MarketScenarios {
  return {
    paths,
    steps,
    growth: new Float64Array(paths * steps),
    inflation: new Float64Array(paths * steps),
  };
}
