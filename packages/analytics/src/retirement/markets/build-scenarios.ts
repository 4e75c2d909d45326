import type { CapitalMarketAssumptions } from '../assumptions';
import { US_ANNUAL_HISTORY } from '../history';
import { BOOTSTRAP_BLOCK_YEARS, bootstrapScenarios } from './bootstrap-market';
import { historicalScenarios } from './historical-market';
import { mappingUsed } from './history-mapping';
import type { MarketScenarios } from './market-scenarios';
import { parametricScenarios } from './parametric-market';
import type { SimulationMethod } from './simulation-method';

/** Where a historical or bootstrap result's years came from, as stored with it. */
interface HistorySource {
  source: string;
  first_year: number;
  last_year: number;
  /** Years per resampled block (bootstrap), or null for rolling windows. */
  block_years: number | null;
  /** What each held asset class followed, since history has only stocks, bonds and inflation. */
  mapping: Record<string, string>;
}

/** Markets for one method, with what they were built from. */
export interface BuiltScenarios {
  method: SimulationMethod;
  scenarios: MarketScenarios;
  history: HistorySource | null;
}

const SOURCE = 'Robert Shiller, U.S. Stock Markets 1871-Present (data package "s-and-p-500", ODC-PDDL-1.0)';

/** Builds the markets `method` simulates for a plan of `years` rows at `weights`. */
export function buildScenarios(
  method: SimulationMethod,
  request: { weights: Float64Array; years: number; paths: number; seed: number },
  assumptions: CapitalMarketAssumptions,
): BuiltScenarios {
  const { weights, years, paths, seed } = request;
  const steps = years - 1;
  if (method === 'parametric')
    return {
      method,
      scenarios: parametricScenarios(assumptions, weights, paths, steps, seed),
      history: null,
    };
  const history = {
    source: SOURCE,
    first_year: (US_ANNUAL_HISTORY[0] as { year: number }).year,
    last_year: (US_ANNUAL_HISTORY.at(-1) as { year: number }).year,
    mapping: mappingUsed(weights),
  };
  if (method === 'historical')
    return {
      method,
      scenarios: historicalScenarios(US_ANNUAL_HISTORY, weights, steps),
      history: { ...history, block_years: null },
    };
  return {
    method,
    scenarios: bootstrapScenarios(US_ANNUAL_HISTORY, weights, paths, steps, seed),
    history: { ...history, block_years: BOOTSTRAP_BLOCK_YEARS },
  };
}
