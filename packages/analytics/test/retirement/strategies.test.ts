import { describe, expect, it } from 'vitest';
import type { CapitalMarketAssumptions } from '../../src/retirement/assumptions';
import { cashFlowPlan, weightVector } from '../../src/retirement/cash-flow-plan';
import { allocateScenarios } from '../../src/retirement/markets/market-scenarios';
import { RetirementInput } from '../../src/retirement/retirement-input';
import { prepareRetirement } from '../../src/retirement/retirement-model';
import { runCashFlows } from '../../src/retirement/run-cash-flows';
import { VPW_REAL_RETURN, vpwRate } from '../../src/retirement/spending-strategy';
import { deterministic } from './support/deterministic';
import { retirementInput } from './support/retirement-input';

// The default plan ($1,000,000 in 60/40, retiring now at 65 on $40,000 a year) with 30 withdrawals, 65 to 94.
const base = retirementInput({ endAge: 94, paths: 5, seed: 1 });

/** One path's real wealth at the start of each year and real spending in each retirement year. */
const runDeterministic = (input: RetirementInput, assumptions: CapitalMarketAssumptions) => {
  const prepared = prepareRetirement(input, { assumptions });
  if (!prepared.ok) throw new Error(prepared.error.message);
  const { built, weights } = prepared.value;
  const plan = cashFlowPlan(prepared.value.input, weights);
  const outcome = runCashFlows(built.scenarios, plan, true);
  const recorded = outcome.recorded;
  if (!recorded) throw new Error('expected a recorded run');
  const paths = outcome.paths;
  return {
    outcome,
    real: Array.from({ length: plan.years }, (_, year) => recorded.real[year * paths] as number),
    spending: Array.from(recorded.spending.subarray(0, plan.years - plan.retirementYear)),
  };
};

describe('constant_real', () => {
  it('spends exactly the target every year when the portfolio lasts', () => {
    const { spending, outcome } = runDeterministic(base, deterministic(0.05, 0.03));
    expect(spending).toHaveLength(30);
    for (const amount of spending) expect(amount).toBeCloseTo(40_000, 6);
    expect(outcome.successes).toBe(5);
  });
});

describe('percent_of_portfolio', () => {
  it('spends the rate times the real wealth at the start of each year', () => {
    const { spending, real } = runDeterministic(
      { ...base, strategy: { kind: 'percent_of_portfolio', rate: 0.05 } },
      deterministic(0.06, 0.025),
    );
    spending.forEach((amount, year) => {
      expect(amount).toBeCloseTo(0.05 * (real[year] as number), 6);
    });
    // Wealth after each withdrawal grows by 1.06 / 1.025 in real terms.
    expect(real[1]).toBeCloseTo((1_000_000 * 0.95 * 1.06) / 1.025, 6);
  });
});

describe('vpw', () => {
  // 60/40 at the Bogleheads assumptions: 0.6 × 5.0% + 0.4 × 1.9% = 3.76% real.
  const assumedReal =
    0.6 * (VPW_REAL_RETURN.equity as number) + 0.4 * (VPW_REAL_RETURN.fixed_income as number);

  it('spends the same real amount every year and empties the portfolio at the end age when the market earns the assumed return', () => {
    const inflation = 0.02;
    const nominal = (1 + assumedReal) * (1 + inflation) - 1;
    const { spending, real, outcome } = runDeterministic(
      { ...base, strategy: { kind: 'vpw' } },
      deterministic(nominal, inflation),
    );
    // The annuity-due payment for 30 withdrawals at 3.76% real.
    const payment = 1_000_000 * vpwRate(assumedReal, 30);
    expect(assumedReal).toBeCloseTo(0.0376, 12);
    for (const amount of spending) expect(amount).toBeCloseTo(payment, 4);
    // The last withdrawal, at 94, takes everything left: the final band minus it is 0.
    expect((real.at(-1) as number) - (spending.at(-1) as number)).toBeCloseTo(0, 6);
    expect(outcome.successes).toBe(5);
  });

  it('spends more each year when the market beats the assumption, and still withdraws everything at the end', () => {
    const { spending, real } = runDeterministic(
      { ...base, strategy: { kind: 'vpw' } },
      deterministic(0.08, 0.02),
    );
    spending.slice(1).forEach((amount, i) => {
      expect(amount).toBeGreaterThan(spending[i] as number);
    });
    expect(spending.at(-1)).toBeCloseTo(real.at(-1) as number, 6);
  });
});

describe('strategies that spend a share of the portfolio', () => {
  it.each([{ kind: 'percent_of_portfolio' as const, rate: 0.04 }, { kind: 'vpw' as const }])(
    'never run out on random markets ($kind): the last VPW withdrawal takes exactly what is left',
    (strategy) => {
      for (const method of ['parametric', 'bootstrap'] as const) {
        const prepared = prepareRetirement({
          ...base,
          currentAge: 50,
          paths: 2_000,
          seed: 5,
          method,
          strategy,
        });
        if (!prepared.ok) throw new Error(prepared.error.message);
        const outcome = runCashFlows(
          prepared.value.built.scenarios,
          cashFlowPlan(prepared.value.input, prepared.value.weights),
          false,
        );
        expect(outcome.successes).toBe(2_000);
      }
    },
  );
});

describe('guardrails', () => {
  // 35 rows (65 to 99); $1,000,000 and a $40,000 target give a first-year rate of 4%, guardrails at 4.8% and 3.2%.
  const input = RetirementInput.parse({ ...base, endAge: 99, strategy: { kind: 'guardrails' } });
  const weights = weightVector(input.weights);
  const plan = cashFlowPlan(input, weights);
  /** Runs one hand-made market: `growth[step]`, and `inflation[step]` (default none). */
  const spendingFor = (growth: number[], inflation: number[] = []) => {
    const scenarios = allocateScenarios(1, plan.years - 1);
    scenarios.growth.set(growth);
    scenarios.inflation.fill(1);
    scenarios.inflation.set(inflation);
    const recorded = runCashFlows(scenarios, plan, true).recorded;
    if (!recorded) throw new Error('expected a recorded run');
    return Array.from(recorded.spending);
  };
  // Growth of 1 / 0.96 after a $40,000 withdrawal restores $1,000,000: the rate stays at exactly 4%.
  const steady = (overrides: Record<number, number>) =>
    Array.from({ length: plan.years - 1 }, (_, step) => overrides[step] ?? 1 / 0.96);

  it('spends the target while the rate stays at its first-year level', () => {
    for (const amount of spendingFor(steady({}))) expect(amount).toBeCloseTo(40_000, 6);
  });

  it('cuts by 10% when the rate rises more than 20% above the first-year rate', () => {
    // Year 0: 960,000 × 0.7 = 672,000; year 1's rate 40,000 / 672,000 = 5.95% > 4.8%: cut to 36,000.
    // Then 636,000 × 1.5 = 954,000; year 2's rate 36,000 / 954,000 = 3.77% is inside the band: no change.
    const spending = spendingFor(steady({ 0: 0.7, 1: 1.5 }));
    expect(spending.slice(0, 3)).toEqual([40_000, 36_000, 36_000]);
  });

  it('raises by 10% when the rate falls more than 20% below the first-year rate', () => {
    // Year 0: 960,000 × 1.5 = 1,440,000; year 1's rate 2.78% < 3.2%: raise to 44,000.
    // Then 1,396,000 × 0.9 = 1,256,400; year 2's rate 3.50% is inside the band (and below 4%, so the loss
    // does not freeze inflation): no change.
    const spending = spendingFor(steady({ 0: 1.5, 1: 0.9 }));
    expect(spending[0]).toBeCloseTo(40_000, 6);
    expect(spending[1]).toBeCloseTo(44_000, 6);
    expect(spending[2]).toBeCloseTo(44_000, 6);
  });

  it('skips the inflation raise after a losing year while the rate is above the first-year rate', () => {
    // 960,000 × 0.98 = 940,800 nominal with prices up 10%: real rate 40,000 / 855,273 = 4.68%, above 4% but
    // inside the band: the withdrawal stays at $40,000 nominal, 40,000 / 1.1 in today's dollars.
    const spending = spendingFor(steady({ 0: 0.98 }), [1.1]);
    expect(spending[1]).toBeCloseTo(40_000 / 1.1, 6);
  });

  // Once a defect: the rules watched the portfolio draw net of other income, so a fixed pension covering the
  // target at first made the first-year rate 0 and every later draw "more than 20% above it": spending eroded
  // from $40,000 to $26,244 while $1,000,000 sat untouched. The rules now watch total spending over wealth.
  it('does not cut spending because a fixed pension erodes while the portfolio is untouched', () => {
    const withPension = RetirementInput.parse({
      ...input,
      otherIncome: [{ name: 'pension', annualAmount: 40_000, startAge: 65, inflationAdjusted: false }],
    });
    const pensionPlan = cashFlowPlan(withPension, weights);
    const scenarios = allocateScenarios(1, pensionPlan.years - 1);
    scenarios.growth.fill(1.05);
    scenarios.inflation.fill(1.03);
    const recorded = runCashFlows(scenarios, pensionPlan, true).recorded;
    if (!recorded) throw new Error('expected a recorded run');
    for (const amount of recorded.spending) expect(amount).toBeGreaterThanOrEqual(36_000);
  });

  it('makes no cuts in the last 15 years, however high the rate', () => {
    // A halving before year 19 (16 rows left, age 84) is cut; the same halving before year 20 (15 left) is not.
    const cutAt19 = spendingFor(steady({ 18: 0.5 }));
    expect(cutAt19[19]).toBeCloseTo(36_000, 6);
    const lastFifteen = spendingFor(steady({ 19: 0.5 }));
    expect(lastFifteen.slice(0, 20).every((amount) => Math.abs(amount - 40_000) < 1e-6)).toBe(true);
    // From year 20 on the rate is about 8% and more, far above the guardrail, yet spending stays at 40,000.
    for (const amount of lastFifteen.slice(20)) expect(amount).toBeCloseTo(40_000, 6);
  });
});
