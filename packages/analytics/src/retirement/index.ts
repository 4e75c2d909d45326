export {
  CapitalMarketAssumptions,
  CORRELATION_ORDER,
  DEFAULT_ASSUMPTIONS,
  ReturnAssumption,
  type RiskFactor,
} from './assumptions';
export {
  RETIREMENT_YEARS_WITHOUT_AGE,
  type RetirementHorizon,
  retirementHorizon,
} from './retirement-horizon';
export {
  DEFAULT_PATHS,
  DEFAULT_SEED,
  MAX_PATHS,
  type ParsedRetirementInput,
  RetirementInput,
  WEIGHT_SUM_TOLERANCE,
} from './retirement-input';
export { DepletionPoint, RetirementSimulation, SimulationBand } from './retirement-simulation';
export {
  type RetirementSimulationError,
  type SimulateRetirementOptions,
  type SimulateRetirementResult,
  simulateRetirement,
} from './simulate-retirement';
