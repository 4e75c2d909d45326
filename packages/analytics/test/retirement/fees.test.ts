import { describe, expect, it } from 'vitest';
import type { CapitalMarketAssumptions } from '../../src/retirement/assumptions';
import type { SimulationMethod } from '../../src/retirement/markets/simulation-method';
import type { RetirementInput } from '../../src/retirement/retirement-input';
import { simulateRetirement } from '../../src/retirement/simulate-retirement';
import { deterministic } from './support/deterministic';
import { retirementInput } from './support/retirement-input';

// $1,000,000 retiring now at 65 (the default plan), half equity and half fixed income, 30 withdrawals.
const base = retirementInput({
  weights: { equity: 0.5, fixed_income: 0.5 },
  endAge: 94,
  targetIncome: 45_000,
  paths: 3_000,
  seed: 17,
});

const run = (input: RetirementInput, assumptions?: CapitalMarketAssumptions) => {
  const result = simulateRetirement(input, assumptions ? { assumptions } : {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe.each(['parametric', 'historical', 'bootstrap'] as SimulationMethod[])(
  'fees with the %s method',
  (method) => {
    it('lower the success rate strictly, and more fee lowers it further', () => {
      const rates = [0, 0.005, 0.01, 0.02].map(
        (expenseRatio) => run({ ...base, method, fees: { expenseRatio, advisoryFee: 0 } }).success_rate,
      );
      expect(rates[0]).toBeGreaterThan(0);
      expect(rates[0]).toBeLessThan(1);
      rates.slice(1).forEach((rate, i) => {
        expect(rate).toBeLessThan(rates[i] as number);
      });
    });

    it('treat an advisory fee like an expense ratio of the same size', () => {
      const expense = run({ ...base, method, fees: { expenseRatio: 0.01, advisoryFee: 0 } });
      const advisory = run({ ...base, method, fees: { expenseRatio: 0, advisoryFee: 0.01 } });
      const both = run({ ...base, method, fees: { expenseRatio: 0.004, advisoryFee: 0.006 } });
      expect(advisory.bands).toEqual(expense.bands);
      expect(both.success_rate).toBe(expense.success_rate);
    });

    it('of zero give exactly the plan without fees', () => {
      const zero = run({ ...base, method, fees: { expenseRatio: 0, advisoryFee: 0 } });
      expect(base.fees).toBeUndefined();
      expect(zero).toEqual(run({ ...base, method }));
    });
  },
);

describe('a fee with deterministic markets', () => {
  it('takes its share of assets each year: wealth grows by (1 + r)(1 − fee)', () => {
    const result = run(
      { ...base, targetIncome: 0, paths: 10, fees: { expenseRatio: 0.01, advisoryFee: 0.005 } },
      deterministic(0.05, 0),
    );
    result.bands.forEach((band, n) => {
      expect(band.p50).toBeCloseTo(1_000_000 * (1.05 * 0.985) ** n, 2);
    });
  });
});
