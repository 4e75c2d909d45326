import { ASSET_CLASSES, type CapitalMarketAssumptions } from '../assumptions';
import { allocateScenarios, type MarketScenarios } from './market-scenarios';
import { ParametricSampler } from './parametric-sampler';

/** Markets for the parametric method: `paths` seeded paths of `steps` years each. */
export function parametricScenarios(
  assumptions: CapitalMarketAssumptions,
  weights: Float64Array,
  paths: number,
  steps: number,
  seed: number,
): MarketScenarios {
  const active = ASSET_CLASSES.map((_, i) => (weights[i] as number) > 0);
  const sampler = new ParametricSampler(assumptions, seed, active);
  const scenarios = allocateScenarios(paths, steps);
  for (let path = 0; path < paths; path++)
    sampler.fillPath(weights, scenarios.growth, scenarios.inflation, path * steps, steps);
  return scenarios;
}
