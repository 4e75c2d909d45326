import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from '../../src/retirement/assumptions';
import type { RetirementInput } from '../../src/retirement/retirement-input';
import { simulateRetirement } from '../../src/retirement/simulate-retirement';

const valid: RetirementInput = {
  startValue: 0,
  weights: { cash: 1 },
  currentAge: 30,
  retirementAge: 67,
  annualContribution: 5_000,
  targetIncome: 20_000,
  paths: 10,
};

const issuesFor = (input: unknown) => {
  const result = simulateRetirement(input as RetirementInput);
  if (result.ok) throw new Error('expected the input to be rejected');
  expect(result.error.reason).toBe('invalid_input');
  expect(result.error.message).toBe(`invalid retirement input: ${result.error.issues.join('; ')}`);
  return result.error.issues;
};

describe('simulateRetirement input validation', () => {
  it('accepts an empty portfolio whose contributions follow the given weights', () => {
    expect(simulateRetirement(valid).ok).toBe(true);
  });

  it('names each invalid field', () => {
    expect(issuesFor({ ...valid, startValue: -1 })).toEqual([
      'startValue: Too small: expected number to be >=0',
    ]);
    expect(issuesFor({ ...valid, annualContribution: Number.NaN })[0]).toMatch(/^annualContribution: /);
    expect(issuesFor({ ...valid, targetIncome: -5 })[0]).toMatch(/^targetIncome: /);
    expect(issuesFor({ ...valid, currentAge: 40.5 })[0]).toMatch(/^currentAge: .*int/);
    expect(issuesFor({ ...valid, paths: 0 })[0]).toMatch(/^paths: /);
    expect(issuesFor({ ...valid, paths: 1_000_000 })[0]).toMatch(/^paths: /);
    expect(issuesFor({ ...valid, seed: -1 })[0]).toMatch(/^seed: /);
    expect(issuesFor({ ...valid, weights: { cash: 1, gold: 0.1 } })[0]).toMatch(/^weights/);
  });

  it('rejects weights that do not sum to 1 within 1e-6, including none at all', () => {
    expect(issuesFor({ ...valid, weights: { equity: 0.6, fixed_income: 0.35 } })).toEqual([
      'weights: weights must sum to 1 (±0.000001), got 0.95; give the allocation contributions will follow even for an empty portfolio',
    ]);
    expect(issuesFor({ ...valid, weights: {} })[0]).toMatch(/weights must sum to 1 .* got 0;/);
    expect(simulateRetirement({ ...valid, weights: { equity: 0.6, fixed_income: 0.4000005 } }).ok).toBe(true);
  });

  it('rejects ages past the end age', () => {
    expect(issuesFor({ ...valid, currentAge: 96, retirementAge: 60 })).toEqual([
      'currentAge: 96 is past the end age 95',
    ]);
    expect(issuesFor({ ...valid, retirementAge: 100 })).toEqual([
      'retirementAge: 100 is past the end age 95',
    ]);
  });

  it('reports invalid assumptions separately from invalid input', () => {
    const assumptions = {
      ...DEFAULT_ASSUMPTIONS,
      inflation: { mean: 0.02, floor: -0.02, persistence: 0.5, log_volatility: -1 },
    };
    const result = simulateRetirement(valid, { assumptions });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.reason).toBe('invalid_assumptions');
      expect(result.error.issues[0]).toMatch(/^inflation\.log_volatility: /);
    }
  });
});
