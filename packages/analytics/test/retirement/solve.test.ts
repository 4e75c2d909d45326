import { describe, expect, it } from 'vitest';
import type { RetirementInput } from '../../src/retirement/retirement-input';
import { countOutcomes, prepareRetirement, type WhatIf } from '../../src/retirement/retirement-model';
import { metRate, solve } from '../../src/retirement/solve';
import { SpendingStrategy } from '../../src/retirement/spending-strategy';
import { retirementInput } from './support/retirement-input';

const CONFIDENCE = 0.9;
const PATHS = 20_000;
const base = retirementInput({
  startValue: 300_000,
  currentAge: 50,
  annualContribution: 15_000,
  targetIncome: 60_000,
  paths: PATHS,
  seed: 101,
});

const model = (overrides: Partial<RetirementInput> = {}) => {
  const prepared = prepareRetirement({ ...base, ...overrides });
  if (!prepared.ok) throw new Error(prepared.error.message);
  return prepared.value;
};

const solved = model();
// Fresh markets from another seed: an independent check of each solved value.
const fresh = model({ seed: 202 });
const freshRate = (whatIf: WhatIf) => {
  const outcome = countOutcomes(fresh, whatIf);
  return outcome.targetMet / outcome.paths;
};
// Both runs carry binomial noise of 20,000 paths: 3 standard errors of the difference of two proportions.
const TOLERANCE = 3 * Math.sqrt((CONFIDENCE * (1 - CONFIDENCE) * 2) / PATHS);

/** Solves for a value the plan needs more of, checking it is the smallest whole one meeting the confidence. */
const smallestMeeting = (
  target: 'contribution' | 'retirement_age',
  field: 'annualContribution' | 'retirementAge',
) => {
  const value = solve(solved, target, CONFIDENCE).value as number;
  expect(value).toBeGreaterThan(base[field]);
  expect(metRate(solved, { [field]: value })).toBeGreaterThanOrEqual(CONFIDENCE);
  expect(metRate(solved, { [field]: value - 1 })).toBeLessThan(CONFIDENCE);
  return value;
};

describe('solve', () => {
  it('finds the largest whole-dollar income meeting the confidence, which lands on it with other markets', () => {
    const answer = solve(solved, 'income', CONFIDENCE);
    const value = answer.value as number;
    expect(Number.isInteger(value)).toBe(true);
    expect(metRate(solved, { targetIncome: value })).toBeGreaterThanOrEqual(CONFIDENCE);
    expect(metRate(solved, { targetIncome: value + 1 })).toBeLessThan(CONFIDENCE);
    expect(answer.achieved).toBeGreaterThanOrEqual(CONFIDENCE);
    expect(Math.abs(freshRate({ targetIncome: value }) - CONFIDENCE)).toBeLessThan(TOLERANCE);
  });

  it('finds the smallest whole-dollar contribution meeting the confidence, which lands on it with other markets', () => {
    const value = smallestMeeting('contribution', 'annualContribution');
    expect(Math.abs(freshRate({ annualContribution: value }) - CONFIDENCE)).toBeLessThan(TOLERANCE);
  });

  it('finds the earliest retirement age meeting the confidence, which brackets it with other markets', () => {
    const age = smallestMeeting('retirement_age', 'retirementAge');
    // Ages are whole, so the rate jumps past the confidence: fresh markets agree on the bracket.
    expect(freshRate({ retirementAge: age })).toBeGreaterThan(CONFIDENCE - TOLERANCE);
    expect(freshRate({ retirementAge: age - 1 })).toBeLessThan(CONFIDENCE + TOLERANCE);
  });

  it('gives no contribution, with a note, when already at or past the retirement age', () => {
    const retired = model({ currentAge: 70, retirementAge: 65, startValue: 500_000, paths: 2_000 });
    const answer = solve(retired, 'contribution', CONFIDENCE);
    expect(answer).toMatchObject({ target: 'contribution', value: null, achieved: null });
    expect(answer.note).toMatch(/retiring now or already retired/);
  });

  it('gives no retirement age, with a note, when even retiring at the end age fails', () => {
    const hopeless = model({ startValue: 0, annualContribution: 0, targetIncome: 50_000, paths: 2_000 });
    const answer = solve(hopeless, 'retirement_age', CONFIDENCE);
    expect(answer).toMatchObject({ target: 'retirement_age', value: null, achieved: null });
    expect(answer.note).toBe('no retirement age up to 95 gets there');
  });
});

describe('solve with other strategies and bad confidences', () => {
  const saver = model({ startValue: 800_000, annualContribution: 20_000, paths: 2_000, seed: 3 });

  it('solves on constant real spending whatever the plan’s strategy', () => {
    const constant = solve(saver, 'income', 0.9);
    for (const kind of ['guardrails', 'percent_of_portfolio', 'vpw'] as const) {
      const other = { ...saver, input: { ...saver.input, strategy: SpendingStrategy.parse({ kind }) } };
      expect(solve(other, 'income', 0.9)).toEqual(constant);
    }
    expect(constant.value).toBeGreaterThan(20_000);
  });

  it('refuses a confidence outside (0, 1]', () => {
    expect(() => solve(saver, 'income', 0)).toThrow(RangeError);
    expect(() => solve(saver, 'income', 1.5)).toThrow(RangeError);
  });
});
