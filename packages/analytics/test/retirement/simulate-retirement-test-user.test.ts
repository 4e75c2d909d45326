import { describe, expect, it } from 'vitest';
import { simulateRetirement } from '../../src/retirement/simulate-retirement';

// test_user_001 at seed prices (reference §10): holdings in dollars by asset class, cash is account cash.
const dollars = { equity: 71_545, fixed_income: 14_500, commodities: 4_892.5, cash: 8_500 };
const total = 99_437.5;

describe('simulateRetirement on test_user_001', () => {
  it('reproduces the pinned seeded result for a $100k target from age 65', () => {
    const result = simulateRetirement({
      startValue: total,
      weights: {
        equity: dollars.equity / total,
        fixed_income: dollars.fixed_income / total,
        commodities: dollars.commodities / total,
        cash: dollars.cash / total,
      },
      currentAge: 40,
      retirementAge: 65,
      annualContribution: 10_000,
      targetIncome: 100_000,
    });
    if (!result.ok) throw new Error(result.error.message);
    const simulation = result.value;
    expect(simulation.paths).toBe(10_000);
    expect(simulation.seed).toBe(20_260_101);

    // Why about 5% is plausible (a regression value, pinned only after this check):
    // - The blend's arithmetic nominal return is 0.7195·10% + 0.1458·5% + 0.0492·6% + 0.0855·3.3% ≈ 8.5%.
    //   The engine carries each asset's real return, (1 + m)/(1 + 3.5% mean inflation), into nominal terms
    //   by that year's inflation, so real wealth grows at about 1.085 / 1.035 ≈ 4.8% a year arithmetic with
    //   sd ≈ 12.8%, about 4.05% compound real, whatever inflation does.
    // - At 4.05% real, $99,437.50 plus $10k a year for 25 years grows to ≈ $705k of today's dollars; the
    //   simulated median at 65 is $717k (p10 $404k, p90 $1.33M).
    // - 31 inflation-linked withdrawals of $100k (ages 65–95) cost ≈ $1.82M at 65 at that same 4.05%: about
    //   2.5 times the median and above the 90th percentile, so only paths with both a strong accumulation and
    //   a strong retirement succeed. A 4% rule on $717k funds about $29k a year.
    // - The original Python engine reported ≈ 5% with lower returns (equity 7%) and commodities earning 0.
    expect(simulation.success_rate).toBe(0.0483);
    expect(simulation.success_rate_ci95).toEqual([0.0443, 0.0527]);
    expect(simulation.median_at_retirement).toBe(716_817.71);
    expect(simulation.bands[25]).toEqual({
      year: 25,
      age: 65,
      p10: 403_626.72,
      p25: 524_091.19,
      p50: 716_817.71,
      p75: 980_728.57,
      p90: 1_330_523.96,
    });
    expect(simulation.depletion_by_age.find((point) => point.age === 75)?.probability).toBe(0.687);
    expect(simulation.depletion_by_age.at(-1)).toEqual({ age: 95, probability: 0.9517 });
  });
});
