import { describe, expect, it } from 'vitest';
import type { AnnualMarketYear } from '../../../src/retirement/history/derive-annual-history';
import { fitInflationAr1 } from '../../../src/retirement/history/fit-inflation';
import { SeededRandom } from '../../../src/retirement/random';

/** Years from `firstYear` whose inflation is `series`; stocks and bonds do not enter the fit. */
const yearsOf = (series: readonly number[], firstYear = 1900): AnnualMarketYear[] =>
  series.map((inflation, i) => ({ year: firstYear + i, stocks: 0, bonds: 0, inflation }));

/** An AR(1) path π_t = mean + persistence (π_{t-1} - mean) + volatility z_t from a seeded normal stream. */
function ar1Series(
  count: number,
  model: { mean: number; persistence: number; volatility: number },
): number[] {
  const random = new SeededRandom(2024);
  const series: number[] = [];
  let previous = model.mean;
  for (let i = 0; i < count; i++) {
    previous =
      model.mean + model.persistence * (previous - model.mean) + model.volatility * random.nextNormal();
    series.push(previous);
  }
  return series;
}

describe('fitInflationAr1', () => {
  it('fits a noise-free decay towards the mean exactly', () => {
    // π_t = 0.03 + 0.5 (π_{t-1} - 0.03) from 0.11: every point lies on the regression line.
    const series = Array.from({ length: 12 }, (_, t) => 0.03 + 0.08 * 0.5 ** t);
    const fit = fitInflationAr1(yearsOf(series), { from: 1900, to: 1911 });
    expect(fit.persistence).toBeCloseTo(0.5, 10);
    expect(fit.mean).toBeCloseTo(0.03, 10);
    expect(fit.innovationVolatility).toBeCloseTo(0, 10);
    expect([fit.from, fit.to]).toEqual([1900, 1911]);
  });

  it('recovers the parameters of a long synthetic AR(1) series', () => {
    const model = { mean: 0.03, persistence: 0.6, volatility: 0.02 };
    const fit = fitInflationAr1(yearsOf(ar1Series(5000, model)), { from: 1900, to: 6899 });
    // Standard errors with n = 5000: persistence sqrt((1 - 0.36) / n) = 0.011, mean 0.02 / 0.4 / sqrt(n) =
    // 0.0007, volatility 0.02 / sqrt(2n) = 0.0002; the tolerances are about 3 to 4 of them.
    expect(Math.abs(fit.persistence - model.persistence)).toBeLessThan(0.04);
    expect(Math.abs(fit.mean - model.mean)).toBeLessThan(0.003);
    expect(Math.abs(fit.innovationVolatility - model.volatility)).toBeLessThan(0.001);
  });

  it('uses only the years inside the range', () => {
    // Outside 1900-1911 the series jumps around; inside it is the exact decay of the first test.
    const decay = Array.from({ length: 12 }, (_, t) => 0.03 + 0.08 * 0.5 ** t);
    const years = yearsOf([0.5, -0.2, ...decay, 0.4, -0.3], 1898);
    expect(fitInflationAr1(years, { from: 1900, to: 1911 }).persistence).toBeCloseTo(0.5, 10);
  });

  it('throws a RangeError on fewer than 10 years', () => {
    const years = yearsOf(ar1Series(30, { mean: 0.03, persistence: 0.6, volatility: 0.02 }));
    expect(() => fitInflationAr1(years, { from: 1900, to: 1908 })).toThrow(RangeError);
    expect(() => fitInflationAr1(years, { from: 1900, to: 1909 })).not.toThrow();
  });
});
