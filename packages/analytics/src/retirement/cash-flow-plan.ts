import { ASSET_CLASSES } from './assumptions';
import type { ParsedRetirementInput } from './retirement-input';
import { type SpendingStrategy, VPW_REAL_RETURN, vpwRate } from './spending-strategy';

/** A validated plan in the engine's terms: money in today's dollars, time in whole years from today. */
export interface CashFlowPlan {
  /** Rows simulated: year 0 (today) through the end age inclusive. */
  years: number;
  /** First year with a withdrawal; contributions are made in the years before it. */
  retirementYear: number;
  startValue: number;
  annualContribution: number;
  targetIncome: number;
  /** Other income by year from inflation-adjusted streams, in today's dollars. */
  indexedIncome: Float64Array;
  /**
   * Streams fixed in dollars: worth `amount` in today's dollars at their start age, then fixed in dollars, so
   * their real value falls with inflation from then on. Paid in years `firstPaid` through `lastPaid`.
   */
  fixedStreams: FixedStream[];
  /** Total yearly fee taken from returns (expense ratios plus advisory fee), a fraction of assets. */
  annualFee: number;
  strategy: SpendingStrategy;
  /** VPW's share of the portfolio withdrawn by year (used by the `vpw` strategy only). */
  vpwRates: Float64Array;
}

/** One stream of other income fixed in dollars, in years from today. */
export interface FixedStream {
  /** The year its dollar amount is fixed: its start age, or today if it started already. */
  fixedYear: number;
  firstPaid: number;
  lastPaid: number;
  amount: number;
}

/** Orders a weights record as `ASSET_CLASSES`, normalised to sum exactly to 1. */
export function weightVector(weights: Partial<Record<(typeof ASSET_CLASSES)[number], number>>): Float64Array {
  const vector = Float64Array.from(ASSET_CLASSES, (assetClass) => weights[assetClass] ?? 0);
  const total = vector.reduce((sum, weight) => sum + weight, 0);
  return vector.map((weight) => weight / total);
}

/**
 * The engine's plan for an input. Other income counts from retirement on (before it, the contribution is
 * what the person saves); a stream pays every year of age from its start age through its end age, in today's
 * dollars, and one not adjusted for inflation keeps the dollar amount it has at its start age.
 */
export function cashFlowPlan(input: ParsedRetirementInput, weights: Float64Array): CashFlowPlan {
  const years = input.endAge - input.currentAge + 1;
  const retirementYear = Math.max(0, input.retirementAge - input.currentAge);
  const indexedIncome = new Float64Array(years);
  const fixedStreams: FixedStream[] = [];
  const yearOf = (age: number) => age - input.currentAge;
  for (const stream of input.otherIncome) {
    const firstPaid = Math.max(retirementYear, yearOf(stream.startAge));
    const lastPaid = Math.min(years - 1, stream.endAge === null ? years - 1 : yearOf(stream.endAge));
    if (firstPaid > lastPaid) continue;
    if (!stream.inflationAdjusted) {
      fixedStreams.push({
        fixedYear: Math.max(0, yearOf(stream.startAge)),
        firstPaid,
        lastPaid,
        amount: stream.annualAmount,
      });
      continue;
    }
    for (let year = firstPaid; year <= lastPaid; year++)
      indexedIncome[year] = (indexedIncome[year] as number) + stream.annualAmount;
  }
  const vpwReturn = ASSET_CLASSES.reduce(
    (sum, assetClass, i) => sum + (weights[i] as number) * (VPW_REAL_RETURN[assetClass] ?? 0),
    0,
  );
  return {
    years,
    retirementYear,
    startValue: input.startValue,
    annualContribution: input.annualContribution,
    targetIncome: input.targetIncome,
    indexedIncome,
    fixedStreams,
    annualFee: input.fees.expenseRatio + input.fees.advisoryFee,
    strategy: input.strategy,
    vpwRates: Float64Array.from({ length: years }, (_, year) => vpwRate(vpwReturn, years - year)),
  };
}
