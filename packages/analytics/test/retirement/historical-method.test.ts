import { describe, expect, it } from 'vitest';
import { cashFlowPlan, weightVector } from '../../src/retirement/cash-flow-plan';
import type { AnnualMarketYear } from '../../src/retirement/history';
import { US_ANNUAL_HISTORY } from '../../src/retirement/history';
import { historicalScenarios } from '../../src/retirement/markets/historical-market';
import { HISTORY_MAPPING, historicalGrowth, mappingUsed } from '../../src/retirement/markets/history-mapping';
import { RetirementInput } from '../../src/retirement/retirement-input';
import { runCashFlows } from '../../src/retirement/run-cash-flows';
import { simulateRetirement } from '../../src/retirement/simulate-retirement';
import { retirementInput } from './support/retirement-input';

// A hand-made history; at 60% stocks / 40% bonds each year's gross return is 1 + 0.6·stocks + 0.4·bonds.
const table: AnnualMarketYear[] = [
  { year: 2000, stocks: 0.1, bonds: 0.05, inflation: 0.02 }, //  1 + 0.06 + 0.02  = 1.08
  { year: 2001, stocks: -0.2, bonds: 0.08, inflation: 0.03 }, // 1 − 0.12 + 0.032 = 0.912
  { year: 2002, stocks: 0.3, bonds: -0.02, inflation: 0.01 }, // 1 + 0.18 − 0.008 = 1.172
  { year: 2003, stocks: 0.05, bonds: 0.04, inflation: 0 }, //    1 + 0.03 + 0.016 = 1.046
  { year: 2004, stocks: 0.15, bonds: 0.03, inflation: 0.04 }, // 1 + 0.09 + 0.012 = 1.102
];
const growth = [1.08, 0.912, 1.172, 1.046, 1.102];
const inflation = [1.02, 1.03, 1.01, 1, 1.04];
const sixtyForty = weightVector({ equity: 0.6, fixed_income: 0.4 });

/** The historical method's simulation of the plan with the overrides, through every US window. */
const simulateHistorical = (overrides: Partial<RetirementInput>) => {
  const result = simulateRetirement(retirementInput({ ...overrides, method: 'historical' }));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

const closeTo = (actual: ArrayLike<number>, expected: number[], digits = 12) => {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, i) => {
    expect(actual[i]).toBeCloseTo(value, digits);
  });
};

describe('historicalScenarios on a five-year table', () => {
  it('makes one path per rolling window of the plan length, each the table years in order', () => {
    const scenarios = historicalScenarios(table, sixtyForty, 3);
    // Windows of 3 years in 5: 2000-02, 2001-03, 2002-04.
    expect(scenarios.paths).toBe(3);
    expect(scenarios.steps).toBe(3);
    closeTo(scenarios.growth, [...growth.slice(0, 3), ...growth.slice(1, 4), ...growth.slice(2, 5)]);
    closeTo(scenarios.inflation, [
      ...inflation.slice(0, 3),
      ...inflation.slice(1, 4),
      ...inflation.slice(2, 5),
    ]);
    expect(historicalScenarios(table, sixtyForty, 5).paths).toBe(1);
    expect(historicalScenarios(table, sixtyForty, 1).paths).toBe(5);
  });

  it('refuses a plan with more market years than the table, naming both lengths', () => {
    expect(() => historicalScenarios(table, sixtyForty, 6)).toThrow(
      'a 6-year plan does not fit in 5 years of history',
    );
  });

  it('funds or fails each window exactly as the hand-computed cash flows say', () => {
    // Withdrawals of $25,000 in today's dollars at 64, 65, 66 and 67 from $100,000: four rows, three market years.
    const input = RetirementInput.parse(
      retirementInput({
        startValue: 100_000,
        currentAge: 64,
        retirementAge: 64,
        endAge: 67,
        targetIncome: 25_000,
      }),
    );
    const outcome = runCashFlows(
      historicalScenarios(table, sixtyForty, 3),
      cashFlowPlan(input, sixtyForty),
      true,
    );
    // Window 2000-02: 75,000 × 1.08 = 81,000 (index 1.02); − 25,500 = 55,500 × 0.912 = 50,616 (index 1.0506);
    //   − 26,265 = 24,351 × 1.172 = 28,539.372 (index 1.061106); − 26,527.65 leaves 2,011.722: funded.
    // Window 2001-03: 75,000 × 0.912 = 68,400 (1.03); − 25,750 = 42,650 × 1.172 = 49,985.8 (1.0403);
    //   − 26,007.5 = 23,978.3 × 1.046 = 25,081.3018 (1.0403); short of 26,007.5 at 67: depleted in year 3.
    // Window 2002-04: 75,000 × 1.172 = 87,900 (1.01); − 25,250 = 62,650 × 1.046 = 65,531.9 (1.01);
    //   − 25,250 = 40,281.9 × 1.102 = 44,390.6538 (1.0504); − 26,260 leaves 18,130.65: funded.
    expect(outcome.paths).toBe(3);
    expect(outcome.successes).toBe(2);
    expect(outcome.targetMet).toBe(2);
    const recorded = outcome.recorded;
    if (!recorded) throw new Error('expected a recorded run');
    expect([...recorded.depletedYear]).toEqual([-1, 3, -1]);
    // Real wealth at the start of each year: nominal wealth / inflation index (year-major, 3 paths).
    closeTo(
      recorded.real,
      [
        100_000,
        100_000,
        100_000,
        81_000 / 1.02,
        68_400 / 1.03,
        87_900 / 1.01,
        50_616 / 1.0506,
        49_985.8 / 1.0403,
        65_531.9 / 1.01,
        28_539.372 / 1.061106,
        25_081.3018 / 1.0403,
        44_390.6538 / 1.0504,
      ],
      6,
    );
    // The failing window spends what is left at 67: 25,081.3018 / 1.0403 in today's dollars.
    expect(recorded.lowestSpending[1]).toBeCloseTo(25_081.3018 / 1.0403, 6);
    expect(recorded.lowestSpending[0]).toBeCloseTo(25_000, 6);
  });
});

describe('the history mapping', () => {
  it('maps real estate to stocks, alternatives to half stocks and half bonds, cash and commodities to inflation', () => {
    const stocksOnly = historicalGrowth(table, weightVector({ equity: 1 }));
    closeTo(historicalGrowth(table, weightVector({ real_estate: 1 })), [...stocksOnly]);
    closeTo(
      historicalGrowth(table, weightVector({ alternatives: 1 })),
      table.map((year) => 1 + 0.5 * year.stocks + 0.5 * year.bonds),
    );
    closeTo(historicalGrowth(table, weightVector({ cash: 1 })), inflation);
    closeTo(historicalGrowth(table, weightVector({ commodities: 1 })), inflation);
    expect(mappingUsed(weightVector({ equity: 0.5, cash: 0.5 }))).toEqual({
      equity: HISTORY_MAPPING.equity.note,
      cash: HISTORY_MAPPING.cash.note,
    });
  });

  it('keeps a cash-only portfolio flat in real terms through every US window', () => {
    const simulation = simulateHistorical({
      startValue: 100_000,
      weights: { cash: 1 },
      currentAge: 60,
      retirementAge: 60,
      endAge: 90,
      targetIncome: 0,
    });
    expect(simulation.history?.mapping).toEqual({ cash: HISTORY_MAPPING.cash.note });
    for (const band of simulation.bands) {
      for (const value of [band.p10, band.p25, band.p50, band.p75, band.p90]) expect(value).toBe(100_000);
    }
  });
});

describe('simulateRetirement with the historical method', () => {
  it('runs every US window once and reports no confidence interval for overlapping windows', () => {
    const simulation = simulateHistorical({ weights: { equity: 0.5, fixed_income: 0.5 }, endAge: 94 });
    // 30 withdrawals span 29 market years: windows starting 1871 through 2022 − 28 = 1994.
    expect(simulation.paths).toBe(US_ANNUAL_HISTORY.length - 29 + 1);
    expect(simulation.success_rate_ci95).toBeNull();
    expect(simulation.history).toMatchObject({ first_year: 1871, last_year: 2022, block_years: null });
  });

  it('still fits the longest plan the input allows (ages 0 to 120) in the 152-year record', () => {
    // No valid input is longer than history, so the 'does not fit' refusal in prepareRetirement cannot fire.
    const simulation = simulateHistorical({
      startValue: 1_000,
      weights: { equity: 1 },
      currentAge: 0,
      retirementAge: 120,
      endAge: 120,
      targetIncome: 0,
    });
    expect(simulation.paths).toBe(US_ANNUAL_HISTORY.length - 120 + 1);
  });
});
