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

    // Why about 10% is plausible (a regression value, pinned only after this check):
    // - The blend's arithmetic nominal return is 0.7195·10% + 0.1458·5% + 0.0492·6% + 0.0855·3.3% ≈ 8.5% with
    //   sd ≈ 13%, so about 7.6% compound nominal, about 4.5% compound real.
    // - At 4.5% real, $99,437.50 plus $10k a year for 25 years grows to ≈ $765k of today's dollars; the
    //   simulated median at 65 is $800k (p10 $435k, p90 $1.55M).
    // - 31 inflation-linked withdrawals of $100k (ages 65–95) cost ≈ $1.73M at 65 at that same 4.5%: more
    //   than twice the median and above the 90th percentile, so only paths with both a strong
    //   accumulation and a strong retirement succeed. A 4% rule on $800k funds about $32k a year.
    // - The original Python engine reported ≈ 5% with lower returns (equity 7%) and commodities earning 0.
    expect(simulation.success_rate).toBe(0.101);
    expect(simulation.success_rate_ci95).toEqual([0.0952, 0.1071]);
    expect(simulation.median_at_retirement).toBe(799_889.21);
    expect(simulation.bands[25]).toEqual({
      year: 25,
      age: 65,
      p10: 435_257.91,
      p25: 574_211.57,
      p50: 799_889.21,
      p75: 1_133_198.9,
      p90: 1_554_490.37,
    });
    expect(simulation.depletion_by_age.find((point) => point.age === 75)?.probability).toBe(0.5813);
    expect(simulation.depletion_by_age.at(-1)).toEqual({ age: 95, probability: 0.899 });
  });
});
