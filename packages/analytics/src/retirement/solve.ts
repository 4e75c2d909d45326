import { z } from 'zod';
import { countOutcomes, type RetirementModel, type WhatIf } from './retirement-model';

/** The confidence answers are solved for unless the caller says otherwise. */
export const DEFAULT_CONFIDENCE = 0.9;

/** Largest yearly amount a solve searches up to. */
const MAX_AMOUNT = 10_000_000;

/** What can be solved for. */
export const SolveTarget = z.enum(['income', 'contribution', 'retirement_age']);
export type SolveTarget = z.infer<typeof SolveTarget>;

/**
 * A solved figure: the highest income, lowest contribution or earliest retirement age at which constant real
 * spending of the target income is funded every year in at least `confidence` of the simulated markets; null
 * with `note` when no value in range gets there. `achieved` is the share of paths that fund it at `value`.
 * Solves always use constant real spending, whatever strategy the plan uses: it is the income a person can
 * count on every year, and the only strategy whose success is monotone in every money input.
 */
export const SolveAnswer = z.object({
  target: SolveTarget,
  confidence: z.number().min(0).max(1),
  value: z.number().nullable(),
  achieved: z.number().min(0).max(1).nullable(),
  note: z.string().nullable(),
});
export type SolveAnswer = z.infer<typeof SolveAnswer>;

const CONSTANT_REAL = { kind: 'constant_real' } as const;

/** Share of paths funding the target income every retirement year, spending it constantly, under a what-if. */
export function metRate(model: RetirementModel, whatIf: WhatIf): number {
  const outcome = countOutcomes(model, { ...whatIf, strategy: CONSTANT_REAL });
  return outcome.targetMet / outcome.paths;
}

/** Solves for one target at `confidence`, on the model's own markets (common random numbers). */
export function solve(
  model: RetirementModel,
  target: SolveTarget,
  confidence = DEFAULT_CONFIDENCE,
): SolveAnswer {
  if (!(confidence > 0 && confidence <= 1))
    throw new RangeError(`confidence must be in (0, 1], got ${confidence}`);
  const answer = (value: number | null, note: string | null, whatIf: WhatIf = {}): SolveAnswer => ({
    target,
    confidence,
    value,
    achieved: value === null ? null : Math.round(metRate(model, whatIf) * 10_000) / 10_000,
    note,
  });
  const meets = (whatIf: WhatIf) => metRate(model, whatIf) >= confidence;
  if (target === 'income') {
    const value = lastPassing((targetIncome) => meets({ targetIncome }));
    return answer(value, null, { targetIncome: value });
  }
  if (target === 'contribution') {
    const { currentAge, retirementAge } = model.input;
    if (retirementAge <= currentAge)
      return answer(null, 'retiring now or already retired: no years left to save');
    if (!meets({ annualContribution: MAX_AMOUNT }))
      return answer(
        null,
        `not reachable by saving alone, even $${MAX_AMOUNT.toLocaleString('en-US')} a year`,
      );
    const value = firstPassing((annualContribution) => meets({ annualContribution }));
    return answer(value, null, { annualContribution: value });
  }
  const { currentAge, endAge, retirementAge } = model.input;
  if (retirementAge <= currentAge)
    return answer(null, 'retiring now or already retired: the age cannot move');
  if (!meets({ retirementAge: endAge })) return answer(null, `no retirement age up to ${endAge} gets there`);
  let low = currentAge;
  let high = endAge;
  if (meets({ retirementAge: low })) high = low;
  // Invariant: `high` meets the confidence and `low` does not (or low = high).
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (meets({ retirementAge: middle })) high = middle;
    else low = middle;
  }
  return answer(high, null, { retirementAge: high });
}

/** The largest whole-dollar amount in [0, MAX_AMOUNT] that passes, for a test that passes up to a point. */
function lastPassing(passes: (amount: number) => boolean): number {
  if (passes(MAX_AMOUNT)) return MAX_AMOUNT;
  let low = 0;
  let high = 1_000;
  while (passes(high)) {
    low = high;
    high *= 4;
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (passes(middle)) low = middle;
    else high = middle;
  }
  return low;
}

/** The smallest whole-dollar amount in [0, MAX_AMOUNT] that passes, for a test that passes from a point on. */
function firstPassing(passes: (amount: number) => boolean): number {
  if (passes(0)) return 0;
  let low = 0;
  let high = 1_000;
  while (!passes(high)) {
    low = high;
    high = Math.min(high * 4, MAX_AMOUNT);
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (passes(middle)) high = middle;
    else low = middle;
  }
  return high;
}
