import { describe, expect, it } from 'vitest';
import type { CapitalMarketAssumptions } from '../../src/retirement/assumptions';
import type { RetirementInput } from '../../src/retirement/retirement-input';
import { simulateRetirement } from '../../src/retirement/simulate-retirement';
import { deterministic } from './support/deterministic';
import { retirementInput } from './support/retirement-input';

const cents = (dollars: number) => Math.round(dollars * 100) / 100;

/** Wealth at the start of year n after n start-of-year contributions C, growing at g: S·gⁿ + C·g(gⁿ − 1)/(g − 1). */
const accumulated = (start: number, contribution: number, g: number, n: number) =>
  start * g ** n + (contribution * g * (g ** n - 1)) / (g - 1);

const input = retirementInput({
  startValue: 100_000,
  weights: { equity: 0.5, fixed_income: 0.5 },
  currentAge: 40,
  annualContribution: 10_000,
  targetIncome: 0,
  paths: 50,
  seed: 1,
});

const run = (overrides: Partial<RetirementInput>, assumptions: CapitalMarketAssumptions) => {
  const result = simulateRetirement({ ...input, ...overrides }, { assumptions });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('simulateRetirement with zero volatility', () => {
  it('contributes at the start of each year, then grows: wealth matches the closed form to the cent', () => {
    const result = run({}, deterministic(0.05, 0));
    result.bands.slice(0, 26).forEach((band, n) => {
      const expected = cents(accumulated(100_000, 10_000, 1.05, n));
      expect(band).toEqual({
        year: n,
        age: 40 + n,
        p10: expected,
        p25: expected,
        p50: expected,
        p75: expected,
        p90: expected,
      });
    });
    expect(result.median_at_retirement).toBe(cents(accumulated(100_000, 10_000, 1.05, 25)));
    expect(result.success_rate).toBe(1);
    expect(result.success_rate_ci95?.[1]).toBe(1);
  });

  it('indexes contributions to inflation and reports real wealth: growth at (1 + r) / (1 + π)', () => {
    const result = run({}, deterministic(0.05, 0.02));
    const q = 1.05 / 1.02;
    result.bands.slice(0, 26).forEach((band, n) => {
      expect(band.p50).toBeCloseTo(accumulated(100_000, 10_000, q, n), 2);
    });
  });

  describe('in retirement, withdrawing at the start of each year from 65 through 95 (31 withdrawals)', () => {
    const g = 1.05;
    const atRetirement = accumulated(100_000, 10_000, g, 25);
    // An annuity-due of 31 payments costs T·(1 − g⁻³¹)/(1 − 1/g); the largest affordable income:
    const affordable = (atRetirement * (1 - 1 / g)) / (1 - g ** -31);
    /** Wealth at the start of retirement year k before its withdrawal: W·gᵏ − T·g(gᵏ − 1)/(g − 1). */
    const beforeWithdrawal = (income: number, k: number) => accumulated(atRetirement, -income, g, k);

    it('succeeds on every path when the income is just affordable', () => {
      const income = affordable * 0.99;
      const result = run({ targetIncome: income }, deterministic(0.05, 0));
      expect(result.success_rate).toBe(1);
      expect(result.depletion_by_age.every((point) => point.probability === 0)).toBe(true);
      result.bands.slice(25).forEach((band, k) => {
        expect(band.p50).toBeCloseTo(beforeWithdrawal(income, k), 2);
      });
      // The last withdrawal, at 95, leaves exactly 1% of the annuity's cost grown to 95.
      const lastBand = result.bands.at(-1)?.p50 as number;
      expect(lastBand - income).toBeCloseTo(atRetirement * 0.01 * g ** 30, 2);
    });

    it('runs out at the first age whose withdrawal exceeds the wealth when the income is not affordable', () => {
      const income = affordable * 1.05;
      const result = run({ targetIncome: income }, deterministic(0.05, 0));
      let k = 0;
      while (beforeWithdrawal(income, k) >= income) k++;
      expect(k).toBeGreaterThan(20);
      expect(k).toBeLessThan(31);
      expect(result.success_rate).toBe(0);
      expect(result.success_rate_ci95?.[0]).toBe(0);
      result.depletion_by_age.forEach((point) => {
        expect(point.probability).toBe(point.age < 65 + k ? 0 : 1);
      });
      expect(result.bands[25 + k]?.p50).toBeCloseTo(beforeWithdrawal(income, k), 2);
      expect(result.bands[25 + k + 1]?.p90).toBe(0);
    });
  });
});
