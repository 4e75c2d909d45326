export { analysePortfolio, type PortfolioAnalytics } from './analyse-portfolio';
export type { Breakdown, BreakdownEntry } from './breakdown';
export type { Concentration, Holding } from './concentration';
export { dataGaps } from './data-gaps';
export type { Drift, DriftEntry, TargetDrift } from './drift';
export type { ClassificationDimension, UnclassifiedPosition } from './look-through';
