import type { RetirementInput } from './retirement-input';
import {
  prepareRetirement,
  projectRetirement,
  type RetirementModelOptions,
  type RetirementSimulationError,
} from './retirement-model';
import type { RetirementSimulation } from './retirement-simulation';

/** The simulation, or the reason it could not run. */
export type SimulateRetirementResult =
  | { ok: true; value: RetirementSimulation }
  | { ok: false; error: RetirementSimulationError };

/** Options for `simulateRetirement`. */
export type SimulateRetirementOptions = RetirementModelOptions;

/**
 * Runs one seeded retirement projection: contributions (growing with inflation) until `retirementAge`, then
 * the spending strategy's withdrawals, net of other income, at the start of every year of age from
 * `retirementAge` (or now, if already past it) through the end age inclusive, over the chosen method's
 * markets. The same input and seed always give the same result.
 */
export function simulateRetirement(
  input: RetirementInput,
  options: SimulateRetirementOptions = {},
): SimulateRetirementResult {
  const model = prepareRetirement(input, options);
  return model.ok ? { ok: true, value: projectRetirement(model.value) } : model;
}
