import type { SpendingDelivered } from '@alex/contracts';
import { fromCents, toCents } from '../money';
import type { CashFlowPlan } from './cash-flow-plan';
import { percentilesInPlace } from './percentiles';
import type { DepletionPoint, RetirementSimulation, SimulationBand } from './retirement-simulation';
import type { CashFlowOutcome, RecordedPaths } from './run-cash-flows';
import { wilsonInterval } from './wilson-interval';

const PROBABILITY_SCALE = 10_000;
const BAND_PROBABILITIES = [0.1, 0.25, 0.5, 0.75, 0.9];
const SPENDING_PROBABILITIES = [0.1, 0.5, 0.9];
type Band = [number, number, number, number, number];
type Three = [number, number, number];

/** Rounds dollars to cents. */
const cents = (dollars: number): number => fromCents(toCents(dollars));

/**
 * count / total rounded to 4 decimals with exact integer arithmetic, ties to even, so that complementary
 * shares (successes and failures) always add up to exactly 1.
 */
export function roundedProbability(count: number, total: number): number {
  const scaled = count * PROBABILITY_SCALE;
  let units = Math.floor(scaled / total);
  const twiceRemainder = 2 * (scaled - units * total);
  if (twiceRemainder > total || (twiceRemainder === total && units % 2 === 1)) units += 1;
  return units / PROBABILITY_SCALE;
}

/** Rounds a probability that is not a ratio of counts (an interval bound) to 4 decimals. */
const probability = (value: number): number => Math.round(value * PROBABILITY_SCALE) / PROBABILITY_SCALE;

/** The summary figures of a run: rates, interval, bands, depletion curve, spending, median at retirement. */
export type SimulationFigures = Pick<
  RetirementSimulation,
  | 'success_rate'
  | 'success_rate_ci95'
  | 'target_met_rate'
  | 'spending'
  | 'bands'
  | 'depletion_by_age'
  | 'median_at_retirement'
>;

/** Turns a recorded run into its stored figures; `independent` is false for overlapping historical windows. */
export function summariseSimulation(
  outcome: CashFlowOutcome & { recorded: RecordedPaths },
  plan: CashFlowPlan,
  currentAge: number,
  independent: boolean,
): SimulationFigures {
  const { paths, recorded } = outcome;
  const bands = yearBands(recorded.real, paths, plan.years, currentAge);
  const [low, high] = wilsonInterval(outcome.successes, paths);
  return {
    success_rate: roundedProbability(outcome.successes, paths),
    success_rate_ci95: independent ? [probability(low), probability(high)] : null,
    target_met_rate: roundedProbability(outcome.targetMet, paths),
    spending: spendingDelivered(recorded),
    bands,
    depletion_by_age: depletionByAge(recorded.depletedYear, paths, plan, currentAge),
    median_at_retirement: (bands[plan.retirementYear] as SimulationBand).p50,
  };
}

/** Percentiles of every retirement year's spending and of each path's lowest year. */
function spendingDelivered(recorded: RecordedPaths): SpendingDelivered {
  const three = (values: Float64Array) => {
    const [p10, p50, p90] = percentilesInPlace(values.slice(), SPENDING_PROBABILITIES).map(cents) as Three;
    return { p10, p50, p90 };
  };
  return { annual: three(recorded.spending), lowest_year: three(recorded.lowestSpending) };
}

function yearBands(real: Float64Array, paths: number, years: number, currentAge: number): SimulationBand[] {
  const scratch = new Float64Array(paths);
  const bands: SimulationBand[] = [];
  for (let year = 0; year < years; year++) {
    // Depleted paths hold exactly 0: count them instead of selecting among them.
    let kept = 0;
    for (let i = year * paths, end = i + paths; i < end; i++) {
      const value = real[i] as number;
      if (value !== 0) scratch[kept++] = value;
    }
    const [p10, p25, p50, p75, p90] = percentilesInPlace(
      scratch.subarray(0, kept),
      BAND_PROBABILITIES,
      paths - kept,
    ).map(cents) as Band;
    bands.push({ year, age: currentAge + year, p10, p25, p50, p75, p90 });
  }
  return bands;
}

function depletionByAge(
  depletedYear: Int32Array,
  paths: number,
  plan: CashFlowPlan,
  currentAge: number,
): DepletionPoint[] {
  const firstFailures = new Int32Array(plan.years);
  for (const year of depletedYear) if (year >= 0) firstFailures[year] = (firstFailures[year] as number) + 1;
  const points: DepletionPoint[] = [];
  let cumulative = 0;
  for (let year = 0; year < plan.years; year++) {
    cumulative += firstFailures[year] as number;
    if (year >= plan.retirementYear)
      points.push({ age: currentAge + year, probability: roundedProbability(cumulative, paths) });
  }
  return points;
}
