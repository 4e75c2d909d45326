import { type RetirementScenarioResult, SpendingDelivered } from '@alex/contracts';
import { z } from 'zod';
import { methodReason, SimulationMethod } from './markets/simulation-method';
import type { RetirementInput } from './retirement-input';
import {
  countOutcomes,
  prepareRetirement,
  projectRetirement,
  type RetirementModel,
  type RetirementModelOptions,
  type RetirementSimulationError,
} from './retirement-model';
import { RetirementSimulation } from './retirement-simulation';
import { DEFAULT_CONFIDENCE, SolveAnswer, solve } from './solve';
import { SPENDING_STRATEGIES, SpendingStrategy } from './spending-strategy';
import { roundedProbability } from './summarise-simulation';

/** One strategy's result on the same markets and plan. */
export const StrategyOutcome = z.object({
  strategy: SpendingStrategy,
  success_rate: z.number().min(0).max(1),
  target_met_rate: z.number().min(0).max(1),
  spending: SpendingDelivered,
});
export type StrategyOutcome = z.infer<typeof StrategyOutcome>;

/** The plan's success under one method, with the plan's fees or without any. */
export const SensitivityRow = z.object({
  method: SimulationMethod,
  fees: z.boolean(),
  paths: z.number().int().min(1),
  success_rate: z.number().min(0).max(1),
});
export type SensitivityRow = z.infer<typeof SensitivityRow>;

/**
 * A full retirement analysis: the headline projection, every spending strategy, the solved answers and how
 * far the assumptions move the answer. Stored as `retirement_payload.simulation`.
 */
export const RetirementAnalysis = RetirementSimulation.extend({
  method_reason: z.string(),
  strategies: z.array(StrategyOutcome),
  solves: z.array(SolveAnswer),
  sensitivity: z.array(SensitivityRow),
  /** Lowest and highest success rate across the sensitivity rows. */
  success_range: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]),
});
export type RetirementAnalysis = z.infer<typeof RetirementAnalysis>;

/** A what-if run beside the headline on the same markets: what changed and what it gives, as stored. */
export type ScenarioOutcome = RetirementScenarioResult;

/** Options for `analyseRetirement`. */
export interface AnalyseRetirementOptions extends RetirementModelOptions {
  /** Confidence the solves aim for (default 0.9). */
  confidence?: number;
  /** What-ifs to run beside the headline (each changes some of these inputs). */
  scenarios?: ScenarioOutcome['parameters'][];
}

/**
 * Projects the plan with its method, then, on the same markets, every spending strategy and the three solves
 * (income sustainable, contribution needed, earliest retirement age), and the success rate under each method
 * with and without fees.
 */
export function analyseRetirement(
  input: RetirementInput,
  options: AnalyseRetirementOptions = {},
):
  | { ok: true; value: RetirementAnalysis; scenarios: ScenarioOutcome[] }
  | { ok: false; error: RetirementSimulationError } {
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  if (!(confidence > 0 && confidence <= 1)) {
    const issue = `confidence: must be above 0 and at most 1, got ${confidence}`;
    return {
      ok: false,
      error: { reason: 'invalid_input', message: `invalid retirement input: ${issue}`, issues: [issue] },
    };
  }
  const prepared = prepareRetirement(input, options);
  if (!prepared.ok) return prepared;
  const model = prepared.value;
  const projection = projectRetirement(model);
  const strategies = SPENDING_STRATEGIES.map((kind): StrategyOutcome => {
    const strategy = SpendingStrategy.parse({ kind });
    const run = kind === model.input.strategy.kind ? projection : projectRetirement(model, { strategy });
    return {
      strategy: run.plan.strategy,
      success_rate: run.success_rate,
      target_met_rate: run.target_met_rate,
      spending: run.spending,
    };
  });
  const sensitivity = sensitivityRows(model, input, options);
  const rates = sensitivity.map((row) => row.success_rate);
  return {
    ok: true,
    scenarios: (options.scenarios ?? []).map((parameters) => scenarioOutcome(model, parameters)),
    value: {
      ...projection,
      method_reason: methodReason(projection.method),
      strategies,
      solves: (['income', 'contribution', 'retirement_age'] as const).map((target) =>
        solve(model, target, confidence),
      ),
      sensitivity,
      success_range: [Math.min(...rates), Math.max(...rates)],
    },
  };
}

function sensitivityRows(
  model: RetirementModel,
  input: RetirementInput,
  options: RetirementModelOptions,
): SensitivityRow[] {
  return SimulationMethod.options.flatMap((method) => {
    const prepared =
      method === model.input.method
        ? { ok: true as const, value: model }
        : prepareRetirement({ ...input, method }, options);
    // A plan longer than the historical record has no historical row.
    if (!prepared.ok) return [];
    return [true, false].map((fees) => {
      const outcome = countOutcomes(
        prepared.value,
        fees ? {} : { fees: { expenseRatio: 0, advisoryFee: 0 } },
      );
      return {
        method,
        fees,
        paths: outcome.paths,
        success_rate: roundedProbability(outcome.successes, outcome.paths),
      };
    });
  });
}

/** One what-if on the model's own markets, with the plan's strategy. */
function scenarioOutcome(model: RetirementModel, parameters: ScenarioOutcome['parameters']): ScenarioOutcome {
  const age = parameters.retirement_age;
  const { currentAge, endAge } = model.input;
  if (age !== undefined && (age < currentAge || age > endAge))
    throw new RangeError(`scenario retirement_age ${age} is outside ${currentAge}-${endAge}`);
  const run = projectRetirement(model, {
    ...(parameters.retirement_age !== undefined ? { retirementAge: parameters.retirement_age } : {}),
    ...(parameters.target_income !== undefined ? { targetIncome: parameters.target_income } : {}),
    ...(parameters.annual_contribution !== undefined
      ? { annualContribution: parameters.annual_contribution }
      : {}),
  });
  return {
    parameters,
    success_rate: run.success_rate,
    target_met_rate: run.target_met_rate,
    median_at_retirement: run.median_at_retirement,
    spending: run.spending,
  };
}
