import { describe, expect, it } from 'vitest';
import type { OtherIncomeStream, RetirementInput } from '../../src/retirement/retirement-input';
import { simulateRetirement } from '../../src/retirement/simulate-retirement';
import { deterministic } from './support/deterministic';
import { retirementInput } from './support/retirement-input';

// Assets earn exactly inflation (3%), so real wealth falls by exactly each year's real withdrawal.
const flatReal = deterministic(0.03, 0.03);

const base = retirementInput({
  currentAge: 60,
  retirementAge: 60,
  endAge: 70,
  targetIncome: 50_000,
  paths: 20,
  seed: 3,
});

const stream = (overrides: Partial<OtherIncomeStream>): OtherIncomeStream => ({
  name: 'pension',
  annualAmount: 20_000,
  startAge: 63,
  endAge: 66,
  inflationAdjusted: true,
  ...overrides,
});

const run = (input: RetirementInput, assumptions = flatReal) => {
  const result = simulateRetirement(input, { assumptions });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

/** Real withdrawal each year: the fall in real wealth (bands are in cents, so to about a cent) to the next year. */
const withdrawals = (input: RetirementInput, assumptions = flatReal) => {
  const { bands } = run(input, assumptions);
  for (const band of bands) expect(band.p10).toBe(band.p90);
  return bands.slice(0, -1).map((band, year) => band.p50 - (bands[year + 1]?.p50 ?? 0));
};

describe('other income with deterministic markets', () => {
  it('an inflation-adjusted stream cuts the withdrawal one-for-one from its start age through its end age', () => {
    const drawn = withdrawals({ ...base, otherIncome: [stream({})] });
    // Ages 60-69 (the last year's fall is not observed): 50k at 60-62, 30k at 63-66, 50k again at 67-69.
    const expected = [50_000, 50_000, 50_000, 30_000, 30_000, 30_000, 30_000, 50_000, 50_000, 50_000];
    drawn.forEach((amount, i) => {
      expect(amount).toBeCloseTo(expected[i] as number, 1);
    });
    const result = run({ ...base, otherIncome: [stream({})] });
    expect(result.spending.annual).toEqual({ p10: 50_000, p50: 50_000, p90: 50_000 });
    expect(result.target_met_rate).toBe(1);
  });

  it('a stream for life pays through the end age', () => {
    const drawn = withdrawals({ ...base, otherIncome: [stream({ endAge: null })] });
    drawn.slice(3).forEach((amount) => {
      expect(amount).toBeCloseTo(30_000, 1);
    });
  });

  it('a stream fixed in dollars is worth its amount at its start age, then loses real value with inflation', () => {
    const drawn = withdrawals({ ...base, otherIncome: [stream({ inflationAdjusted: false })] });
    // Its dollar amount is fixed at 63 (index 1.03^3), so at 60 + k it is worth 20,000 / 1.03^(k - 3) today.
    drawn.forEach((amount, k) => {
      const age = 60 + k;
      const income = age >= 63 && age <= 66 ? 20_000 / 1.03 ** (k - 3) : 0;
      expect(amount).toBeCloseTo(50_000 - income, 1);
    });
    // A pension that started before today is fixed at today's dollars: worth 20,000 / 1.03^k at 60 + k.
    const started = withdrawals({
      ...base,
      otherIncome: [stream({ startAge: 55, inflationAdjusted: false })],
    });
    started.forEach((amount, k) => {
      expect(amount).toBeCloseTo(50_000 - (60 + k <= 66 ? 20_000 / 1.03 ** k : 0), 1);
    });
    // With no inflation the fixed and the indexed stream are the same.
    const noInflation = deterministic(0.03, 0);
    const fixed = run({ ...base, otherIncome: [stream({ inflationAdjusted: false })] }, noInflation);
    expect(fixed.bands).toEqual(run({ ...base, otherIncome: [stream({})] }, noInflation).bands);
  });

  it('does not count income paid before retirement', () => {
    const saving = { ...base, retirementAge: 65, annualContribution: 10_000 };
    const withoutIncome = run(saving);
    // Paid at 60-64 only, all before retiring at 65: no effect at all.
    const early = run({ ...saving, otherIncome: [stream({ startAge: 60, endAge: 64 })] });
    expect(early.bands).toEqual(withoutIncome.bands);
    expect(early.success_rate).toBe(withoutIncome.success_rate);
    // Paid from 60 for life: contributions before 65 are unchanged, withdrawals from 65 fall by 20,000.
    const drawn = withdrawals({ ...saving, otherIncome: [stream({ startAge: 60, endAge: null })] });
    drawn.forEach((amount, k) => {
      expect(amount).toBeCloseTo(k < 5 ? -10_000 : 30_000, 1);
    });
  });

  it('counts streams that overlap as their sum, and spends nothing from the portfolio when income covers the target', () => {
    const drawn = withdrawals({
      ...base,
      otherIncome: [
        stream({ startAge: 60, endAge: null, annualAmount: 30_000 }),
        stream({ name: 'annuity', startAge: 62, endAge: 64, annualAmount: 25_000 }),
      ],
    });
    const expected = [20_000, 20_000, 0, 0, 0, 20_000, 20_000, 20_000, 20_000, 20_000];
    drawn.forEach((amount, i) => {
      expect(amount).toBeCloseTo(expected[i] as number, 1);
    });
  });
});
