import type { CashFlowPlan, FixedStream } from './cash-flow-plan';
import type { MarketScenarios } from './markets/market-scenarios';
import { GUARDRAIL_BAND, GUARDRAIL_LAST_YEARS_WITHOUT_CUTS, GUARDRAIL_STEP } from './spending-strategy';

/** Spending below the target by less than this share still counts as meeting it (float noise). */
const TARGET_TOLERANCE = 1e-9;

/** What every path did, counted; with `record`, also every path's wealth and spending. */
export interface CashFlowOutcome {
  paths: number;
  /** Paths whose portfolio funded every withdrawal to the end age. */
  successes: number;
  /** Paths whose spending (withdrawal plus other income) reached the target income in every retirement year. */
  targetMet: number;
  recorded: RecordedPaths | null;
}

/** Per-path detail for bands, depletion and spending percentiles. */
export interface RecordedPaths {
  /** Year-major: `real[year * paths + path]` is wealth in today's dollars at the start of that year. */
  real: Float64Array;
  /** The year each path ran out, or -1. */
  depletedYear: Int32Array;
  /** Path-major: spending in today's dollars in each retirement year. */
  spending: Float64Array;
  /** Each path's lowest retirement-year spending. */
  lowestSpending: Float64Array;
}

/**
 * Runs the plan's cash flows over simulated markets. Each year, in this order:
 * 1. record real wealth (start of year, before that year's cash flow);
 * 2. before retirement, add the contribution (today's dollars × inflation index); from retirement on,
 *    withdraw what the strategy asks beyond other income, or, if wealth is short of it, spend what is left,
 *    mark the path depleted at this year and hold wealth at 0;
 * 3. grow the pot by the year's portfolio return less the fee, and the index by the year's inflation.
 */
export function runCashFlows(
  scenarios: MarketScenarios,
  plan: CashFlowPlan,
  record: boolean,
): CashFlowOutcome {
  const { paths, steps, growth, inflation } = scenarios;
  const { years, retirementYear, startValue, annualContribution, targetIncome, strategy } = plan;
  const { indexedIncome, fixedStreams, vpwRates } = plan;
  const fixedIndex = new Float64Array(fixedStreams.length);
  const retiredYears = years - retirementYear;
  const keep = 1 - plan.annualFee;
  const rate = strategy.kind === 'percent_of_portfolio' ? strategy.rate : 0;
  const floor = targetIncome * (1 - TARGET_TOLERANCE);
  const recorded: RecordedPaths | null = record
    ? {
        real: new Float64Array(years * paths),
        depletedYear: new Int32Array(paths).fill(-1),
        spending: new Float64Array(paths * retiredYears),
        lowestSpending: new Float64Array(paths),
      }
    : null;
  let successes = 0;
  let targetMet = 0;
  for (let path = 0; path < paths; path++) {
    let wealth = startValue;
    let index = 1;
    let depleted = false;
    let met = true;
    let lowest = Number.POSITIVE_INFINITY;
    let guardrail = 1;
    let firstRate = 0;
    let lastGrowth = 1;
    let lastInflation = 1;
    const offset = path * steps;
    for (let year = 0; year < years; year++) {
      if (recorded) recorded.real[year * paths + path] = wealth / index;
      for (let s = 0; s < fixedStreams.length; s++)
        if ((fixedStreams[s] as FixedStream).fixedYear === year) fixedIndex[s] = index;
      if (year < retirementYear) {
        wealth += annualContribution * index;
      } else {
        let income = indexedIncome[year] as number;
        for (let s = 0; s < fixedStreams.length; s++) {
          const stream = fixedStreams[s] as FixedStream;
          if (year >= stream.firstPaid && year <= stream.lastPaid)
            income += (stream.amount * (fixedIndex[s] as number)) / index;
        }
        let draw: number;
        if (strategy.kind === 'constant_real') {
          draw = targetIncome > income ? targetIncome - income : 0;
        } else if (strategy.kind === 'percent_of_portfolio') {
          draw = (rate * wealth) / index;
        } else if (strategy.kind === 'vpw') {
          draw = ((vpwRates[year] as number) * wealth) / index;
        } else {
          // The rate the rules watch is total spending over the portfolio, so income starting or eroding
          // does not by itself trigger a cut or a raise; only markets move it.
          const realWealth = wealth / index;
          if (year === retirementYear) {
            firstRate = realWealth > 0 ? targetIncome / realWealth : Number.POSITIVE_INFINITY;
          } else if (realWealth > 0) {
            // Withdrawal rule: no inflation raise after a losing year while above the first-year rate.
            if (lastGrowth < 1 && (targetIncome * guardrail) / realWealth > firstRate)
              guardrail /= lastInflation;
            const current = (targetIncome * guardrail) / realWealth;
            if (
              current > firstRate * (1 + GUARDRAIL_BAND) &&
              years - year > GUARDRAIL_LAST_YEARS_WITHOUT_CUTS
            ) {
              guardrail *= 1 - GUARDRAIL_STEP;
            } else if (current < firstRate * (1 - GUARDRAIL_BAND)) {
              guardrail *= 1 + GUARDRAIL_STEP;
            }
          }
          draw = Math.max(0, targetIncome * guardrail - income);
        }
        let spent: number;
        // A share-of-wealth draw (VPW's last takes all) may exceed wealth by rounding: not a shortfall.
        if (wealth < draw * index * (1 - TARGET_TOLERANCE)) {
          spent = wealth / index + income;
          wealth = 0;
          if (!depleted) {
            depleted = true;
            if (recorded) recorded.depletedYear[path] = year;
          }
        } else {
          wealth = Math.max(0, wealth - draw * index);
          spent = draw + income;
        }
        if (spent < floor) met = false;
        if (spent < lowest) lowest = spent;
        if (recorded) recorded.spending[path * retiredYears + year - retirementYear] = spent;
      }
      if (year === years - 1) break;
      lastGrowth = (growth[offset + year] as number) * keep;
      lastInflation = inflation[offset + year] as number;
      wealth *= lastGrowth;
      index *= lastInflation;
    }
    if (!depleted) successes++;
    if (met) targetMet++;
    if (recorded) recorded.lowestSpending[path] = retiredYears > 0 ? lowest : 0;
  }
  return { paths, successes, targetMet, recorded };
}
