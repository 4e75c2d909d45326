import { describe, expect, it } from 'vitest';
import type { SimulationMethod } from '../../src/retirement/markets/simulation-method';
import type { RetirementInput } from '../../src/retirement/retirement-input';
import {
  countOutcomes,
  prepareRetirement,
  projectRetirement,
  type RetirementModel,
  type WhatIf,
} from '../../src/retirement/retirement-model';
import { retirementInput } from './support/retirement-input';

const base = retirementInput({
  startValue: 500_000,
  currentAge: 55,
  annualContribution: 10_000,
  targetIncome: 50_000,
  paths: 2_000,
  seed: 7,
});

const METHODS: SimulationMethod[] = ['parametric', 'historical', 'bootstrap'];

const model = (method: SimulationMethod, overrides: Partial<RetirementInput> = {}): RetirementModel => {
  const prepared = prepareRetirement({ ...base, ...overrides, method });
  if (!prepared.ok) throw new Error(prepared.error.message);
  return prepared.value;
};

/** Successes along a sequence of what-ifs, each run on the same markets (same seed). */
const successes = (prepared: RetirementModel, whatIfs: WhatIf[]) =>
  whatIfs.map((whatIf) => countOutcomes(prepared, whatIf).successes);

/** Asserts the counts never fall along the sequence, and that the base case is strictly between 0 and 1. */
const expectNeverFalls = (counts: number[], paths: number) => {
  counts.slice(1).forEach((count, i) => {
    expect(count).toBeGreaterThanOrEqual(counts[i] as number);
  });
  expect(counts[0]).toBeGreaterThan(0);
  expect(counts[0]).toBeLessThan(paths);
  expect(counts.at(-1)).toBeGreaterThan(counts[0] as number);
};

const steps = (from: number, to: number, step: number) =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

const pension = (annualAmount: number, inflationAdjusted = true) => ({
  name: 'pension',
  annualAmount,
  startAge: 67,
  endAge: null,
  inflationAdjusted,
});

describe.each(METHODS)('success rate with the %s method and the same seed', (method) => {
  const prepared = model(method);
  const paths = prepared.built.scenarios.paths;

  it('never falls as the start value rises', () => {
    const values = steps(200_000, 1_500_000, 25_000).map((startValue) => ({ startValue }));
    expectNeverFalls(successes(prepared, values), paths);
  });

  it('never falls as the annual contribution rises', () => {
    const values = steps(0, 100_000, 2_500).map((annualContribution) => ({
      startValue: 350_000,
      annualContribution,
    }));
    expectNeverFalls(successes(prepared, values), paths);
  });

  it('never falls when an other-income stream is added or raised, indexed or fixed in dollars', () => {
    for (const indexed of [true, false]) {
      const values = steps(0, 40_000, 2_000).map((amount) => ({
        otherIncome: amount === 0 ? [] : [pension(amount, indexed)],
      }));
      expectNeverFalls(successes(prepared, values), paths);
    }
  });

  it('never falls as the target income falls', () => {
    const values = steps(20_000, 90_000, 1_000)
      .reverse()
      .map((targetIncome) => ({ targetIncome }));
    expectNeverFalls(successes(prepared, values), paths);
  });

  it('never falls as the retirement age rises', () => {
    const values = steps(55, 80, 1).map((retirementAge) => ({ retirementAge }));
    const counts = successes(prepared, values);
    counts.slice(1).forEach((count, i) => {
      expect(count).toBeGreaterThanOrEqual(counts[i] as number);
    });
    expect(counts[10]).toBeGreaterThan(0); // the base case, retiring at 65
    expect(counts[10]).toBeLessThan(paths);
    expect(counts.at(-1)).toBeGreaterThan(counts[10] as number);
  });
});

// Guardrails is not asserted: it is not monotone. Historical, 60/40, retired at 65, $50,000 to 94: $503,000 funds
// the 1982 window and $504,000 fails it at 94. The richer plan's first-year rate is lower, so at 78 its rate stays
// just under the 20% guardrail and it keeps $58,850 where the poorer plan cuts to $52,965, then runs dry in the
// last 15 years, where cuts no longer apply. The same happens with the target: a higher target can succeed more.
describe.each(METHODS)('spending with the %s method', (method) => {
  const prepared = model(method);

  it.each([{ kind: 'percent_of_portfolio' as const, rate: 0.04 }, { kind: 'vpw' as const }])(
    'never falls at any percentile with more wealth ($kind)',
    (strategy) => {
      const runs = steps(200_000, 1_200_000, 200_000).map(
        (startValue) => projectRetirement(prepared, { startValue, strategy }).spending,
      );
      runs.slice(1).forEach((spending, i) => {
        const before = runs[i];
        if (!before) throw new Error('missing run');
        for (const key of ['annual', 'lowest_year'] as const) {
          for (const p of ['p10', 'p50', 'p90'] as const) {
            expect(spending[key][p]).toBeGreaterThan(before[key][p]);
          }
        }
      });
    },
  );
});
