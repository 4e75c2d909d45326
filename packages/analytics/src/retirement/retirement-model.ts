import { issueLines } from '@alex/errors';
import { ASSET_CLASSES, CapitalMarketAssumptions, DEFAULT_ASSUMPTIONS } from './assumptions';
import { cashFlowPlan, weightVector } from './cash-flow-plan';
import { type BuiltScenarios, buildScenarios } from './markets/build-scenarios';
import { type ParsedRetirementInput, parseRetirementInput, type RetirementInput } from './retirement-input';
import type { RetirementSimulation, SimulatedPlan } from './retirement-simulation';
import { runCashFlows } from './run-cash-flows';
import { summariseSimulation } from './summarise-simulation';

/** Why a simulation could not run; `message` is safe to show a user and names every problem. */
export interface RetirementSimulationError {
  reason: 'invalid_input' | 'invalid_assumptions';
  message: string;
  issues: string[];
}

/** A validated input with its markets built: what the projection, the solves and every what-if run on. */
export interface RetirementModel {
  input: ParsedRetirementInput;
  assumptions: CapitalMarketAssumptions;
  weights: Float64Array;
  built: BuiltScenarios;
}

/** The inputs a what-if may change without new markets (the allocation, ages now and at the end, and the method stay). */
export type WhatIf = Partial<
  Pick<
    ParsedRetirementInput,
    | 'startValue'
    | 'annualContribution'
    | 'targetIncome'
    | 'retirementAge'
    | 'otherIncome'
    | 'fees'
    | 'strategy'
  >
>;

/** Options for preparing a model. */
export interface RetirementModelOptions {
  /** Replaces `DEFAULT_ASSUMPTIONS` as a whole; validated, including positive definiteness. */
  assumptions?: CapitalMarketAssumptions;
}

/** Validates the input and assumptions and builds the markets, or says what is wrong. */
export function prepareRetirement(
  input: RetirementInput,
  options: RetirementModelOptions = {},
): { ok: true; value: RetirementModel } | { ok: false; error: RetirementSimulationError } {
  const assumptions = CapitalMarketAssumptions.safeParse(options.assumptions ?? DEFAULT_ASSUMPTIONS);
  if (!assumptions.success) {
    const issues = issueLines(assumptions.error, { root: '(root)' });
    return failure('invalid_assumptions', 'invalid capital-market assumptions', issues);
  }
  const parsed = parseRetirementInput(input);
  if (!parsed.ok) return failure('invalid_input', 'invalid retirement input', parsed.issues);
  const value = parsed.value;
  // Plans run to 120 at most (121 years), inside the 152 years of history, so every method fits.
  const years = value.endAge - value.currentAge + 1;
  const weights = weightVector(value.weights);
  const built = buildScenarios(
    value.method,
    { weights, years, paths: value.paths, seed: value.seed },
    assumptions.data,
  );
  return { ok: true, value: { input: value, assumptions: assumptions.data, weights, built } };
}

/** The plan with a what-if applied. */
function withWhatIf(model: RetirementModel, whatIf: WhatIf = {}): ParsedRetirementInput {
  return { ...model.input, ...whatIf };
}

/** Success and target-met counts for the model under a what-if, without recording paths (for solves). */
export function countOutcomes(model: RetirementModel, whatIf: WhatIf = {}) {
  const input = withWhatIf(model, whatIf);
  return runCashFlows(model.built.scenarios, cashFlowPlan(input, model.weights), false);
}

/** The full stored projection of the model under a what-if. */
export function projectRetirement(model: RetirementModel, whatIf: WhatIf = {}): RetirementSimulation {
  const input = withWhatIf(model, whatIf);
  const plan = cashFlowPlan(input, model.weights);
  const outcome = runCashFlows(model.built.scenarios, plan, true);
  if (!outcome.recorded) throw new Error('a recorded run returned no paths');
  const { built } = model;
  return {
    method: built.method,
    paths: built.scenarios.paths,
    seed: input.seed,
    assumptions: built.method === 'parametric' ? model.assumptions : null,
    history: built.history,
    plan: simulatedPlan(input, model.weights),
    ...summariseSimulation(
      { ...outcome, recorded: outcome.recorded },
      plan,
      input.currentAge,
      built.method !== 'historical',
    ),
  };
}

function simulatedPlan(input: ParsedRetirementInput, weights: Float64Array): SimulatedPlan {
  return {
    start_value: input.startValue,
    weights: Object.fromEntries(
      ASSET_CLASSES.flatMap((assetClass, i) =>
        (weights[i] as number) > 0 ? [[assetClass, weights[i] as number]] : [],
      ),
    ),
    current_age: input.currentAge,
    retirement_age: Math.max(input.retirementAge, input.currentAge),
    end_age: input.endAge,
    annual_contribution: input.annualContribution,
    target_income: input.targetIncome,
    other_income: input.otherIncome.map((stream) => ({
      name: stream.name,
      annual_amount: stream.annualAmount,
      start_age: stream.startAge,
      end_age: stream.endAge,
      inflation_adjusted: stream.inflationAdjusted,
    })),
    fees: { expense_ratio: input.fees.expenseRatio, advisory_fee: input.fees.advisoryFee },
    strategy: input.strategy,
  };
}

function failure(
  reason: RetirementSimulationError['reason'],
  summary: string,
  issues: string[],
): { ok: false; error: RetirementSimulationError } {
  return { ok: false, error: { reason, message: `${summary}: ${issues.join('; ')}`, issues } };
}
