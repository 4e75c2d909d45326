import { fromCents, toCents } from '../money';
import type { CapitalMarketAssumptions } from './assumptions';
import { percentilesInPlace } from './percentiles';
import type { DepletionPoint, RetirementSimulation, SimulationBand } from './retirement-simulation';
import type { PathPlan, SimulatedPaths } from './simulate-paths';
import { wilsonInterval } from './wilson-interval';

const PROBABILITY_SCALE = 10_000;
const BAND_PROBABILITIES = [0.1, 0.25, 0.5, 0.75, 0.9];
type Band = [number, number, number, number, number];

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

/** Turns simulated paths into the stored result: success rate and interval, bands, depletion curve, median. */
export function summariseSimulation(
  simulated: SimulatedPaths,
  plan: PathPlan,
  currentAge: number,
  assumptions: CapitalMarketAssumptions,
): RetirementSimulation {
  const { paths, years, retirementYear } = plan;
  const bands = yearBands(simulated.real, paths, years, currentAge);
  const depletion = depletionByAge(simulated.depletedYear, paths, years, retirementYear, currentAge);
  const failures = simulated.depletedYear.reduce((count, year) => count + (year >= 0 ? 1 : 0), 0);
  const successes = paths - failures;
  const [low, high] = wilsonInterval(successes, paths);
  return {
    paths,
    seed: plan.seed,
    assumptions,
    success_rate: roundedProbability(successes, paths),
    success_rate_ci95: [probability(low), probability(high)],
    bands,
    depletion_by_age: depletion,
    median_at_retirement: (bands[retirementYear] as SimulationBand).p50,
  };
}

function yearBands(real: Float64Array, paths: number, years: number, currentAge: number): SimulationBand[] {
  const scratch = new Float64Array(paths);
  const bands: SimulationBand[] = [];
  for (let year = 0; year < years; year++) {
    scratch.set(real.subarray(year * paths, (year + 1) * paths));
    const [p10, p25, p50, p75, p90] = percentilesInPlace(scratch, BAND_PROBABILITIES).map(cents) as Band;
    bands.push({ year, age: currentAge + year, p10, p25, p50, p75, p90 });
  }
  return bands;
}

function depletionByAge(
  depletedYear: Int32Array,
  paths: number,
  years: number,
  retirementYear: number,
  currentAge: number,
): DepletionPoint[] {
  const firstFailures = new Int32Array(years);
  for (const year of depletedYear) if (year >= 0) firstFailures[year] = (firstFailures[year] as number) + 1;
  const points: DepletionPoint[] = [];
  let cumulative = 0;
  for (let year = 0; year < years; year++) {
    cumulative += firstFailures[year] as number;
    if (year >= retirementYear)
      points.push({ age: currentAge + year, probability: roundedProbability(cumulative, paths) });
  }
  return points;
}
