export {
  type AnalyseRetirementOptions,
  analyseRetirement,
  RetirementAnalysis,
  type ScenarioOutcome,
  SensitivityRow,
  StrategyOutcome,
} from './analyse-retirement';
export {
  ASSET_CLASSES,
  CapitalMarketAssumptions,
  CORRELATION_ORDER,
  DEFAULT_ASSUMPTIONS,
  fixedInflation,
  InflationAssumption,
  ReturnAssumption,
  type RiskFactor,
} from './assumptions';
export { type AnnualMarketYear, fitInflationAr1, fitInflationModel, US_ANNUAL_HISTORY } from './history';
export { HISTORY_MAPPING } from './markets/history-mapping';
export { DEFAULT_METHOD, methodReason, SimulationMethod } from './markets/simulation-method';
export {
  RETIREMENT_YEARS_WITHOUT_AGE,
  type RetirementHorizon,
  retirementHorizon,
} from './retirement-horizon';
export {
  DEFAULT_END_AGE,
  DEFAULT_PATHS,
  DEFAULT_SEED,
  MAX_OTHER_INCOME,
  MAX_PATHS,
  OtherIncomeStream,
  type ParsedRetirementInput,
  PlanFees,
  RetirementInput,
  WEIGHT_SUM_TOLERANCE,
} from './retirement-input';
export {
  countOutcomes,
  prepareRetirement,
  projectRetirement,
  type RetirementModel,
  type RetirementSimulationError,
  type WhatIf,
} from './retirement-model';
export {
  DepletionPoint,
  RetirementSimulation,
  SimulatedPlan,
  SimulationBand,
} from './retirement-simulation';
export { type ScenarioParameters, scenarioLabel } from './scenario-label';
export {
  type SimulateRetirementOptions,
  type SimulateRetirementResult,
  simulateRetirement,
} from './simulate-retirement';
export { DEFAULT_CONFIDENCE, SolveAnswer, SolveTarget, solve } from './solve';
export { SPENDING_STRATEGIES, SpendingStrategy, type SpendingStrategyKind } from './spending-strategy';
