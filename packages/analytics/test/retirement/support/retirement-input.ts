import type { RetirementInput } from '../../../src/retirement/retirement-input';

/**
 * A valid plan with the overrides applied. By default: a 65-year-old retiring now with $1,000,000 invested
 * 60% equity / 40% fixed income, contributing nothing more and spending $40,000 a year (4% of the start);
 * every field with an engine default (end age, other income, fees, strategy, method, paths, seed) keeps it.
 */
export const retirementInput = (overrides: Partial<RetirementInput> = {}): RetirementInput => ({
  startValue: 1_000_000,
  weights: { equity: 0.6, fixed_income: 0.4 },
  currentAge: 65,
  retirementAge: 65,
  annualContribution: 0,
  targetIncome: 40_000,
  ...overrides,
});

/**
 * {@link retirementInput} for a 50-year-old saving $15,000 a year into 60% equity, 30% fixed income and 10%
 * cash until retiring at 65, over 2,000 paths; the overrides give the start value, the spending and the seed.
 */
export const saverInput = (overrides: Partial<RetirementInput> = {}): RetirementInput =>
  retirementInput({
    weights: { equity: 0.6, fixed_income: 0.3, cash: 0.1 },
    currentAge: 50,
    annualContribution: 15_000,
    paths: 2_000,
    ...overrides,
  });
