import { issueLines } from '@alex/errors';
import { CapitalMarketAssumptions, DEFAULT_ASSUMPTIONS } from './assumptions';
import { parseRetirementInput, type RetirementInput } from './retirement-input';
import type { RetirementSimulation } from './retirement-simulation';
import { simulatePaths, weightVector } from './simulate-paths';
import { summariseSimulation } from './summarise-simulation';

/** Why a simulation could not run; `message` is safe to show a user and names every problem. */
export interface RetirementSimulationError {
  reason: 'invalid_input' | 'invalid_assumptions';
  message: string;
  issues: string[];
}

/** The simulation, or the reason it could not run. */
export type SimulateRetirementResult =
  | { ok: true; value: RetirementSimulation }
  | { ok: false; error: RetirementSimulationError };

/** Options for `simulateRetirement`. */
export interface SimulateRetirementOptions {
  /** Replaces `DEFAULT_ASSUMPTIONS` as a whole; validated, including positive definiteness. */
  assumptions?: CapitalMarketAssumptions;
}

/**
 * Runs the seeded Monte Carlo retirement simulation: contributions (growing with inflation) until
 * `retirementAge`, then inflation-adjusted withdrawals of `targetIncome` at the start of every year of age
 * from `retirementAge` (or now, if already past it) through the end age (95) inclusive. The same input and
 * seed always give the same result.
 */
export function simulateRetirement(
  input: RetirementInput,
  options: SimulateRetirementOptions = {},
): SimulateRetirementResult {
  const assumptions = CapitalMarketAssumptions.safeParse(options.assumptions ?? DEFAULT_ASSUMPTIONS);
  if (!assumptions.success) {
    return failure(
      'invalid_assumptions',
      'invalid capital-market assumptions',
      issueLines(assumptions.error, { root: '(root)' }),
    );
  }
  const parsed = parseRetirementInput(input, assumptions.data.end_age);
  if (!parsed.ok) return failure('invalid_input', 'invalid retirement input', parsed.issues);

  const { currentAge, retirementAge, paths, seed, startValue, annualContribution, targetIncome } =
    parsed.value;
  const plan = {
    paths,
    seed,
    years: assumptions.data.end_age - currentAge + 1,
    retirementYear: Math.max(0, retirementAge - currentAge),
    startValue,
    annualContribution,
    targetIncome,
    weights: weightVector(parsed.value.weights),
  };
  const simulated = simulatePaths(plan, assumptions.data);
  return { ok: true, value: summariseSimulation(simulated, plan, currentAge, assumptions.data) };
}

function failure(
  reason: RetirementSimulationError['reason'],
  summary: string,
  issues: string[],
): SimulateRetirementResult {
  return { ok: false, error: { reason, message: `${summary}: ${issues.join('; ')}`, issues } };
}
