import { describe, expect, it } from 'vitest';
import { CORRELATION_ORDER, DEFAULT_ASSUMPTIONS } from '../../src/retirement/assumptions';
import { FACTOR_COUNT, MarketSampler } from '../../src/retirement/market-sampler';

const YEARS = 100_000;

/** Draws YEARS years of every factor: draws[factor][year] is a gross return 1 + r. */
const sampleYears = (seed: number) => {
  const sampler = new MarketSampler(DEFAULT_ASSUMPTIONS, seed);
  const draws = Array.from({ length: FACTOR_COUNT }, () => new Float64Array(YEARS));
  const year = new Float64Array(FACTOR_COUNT);
  for (let t = 0; t < YEARS; t++) {
    sampler.nextYear(year);
    draws.forEach((series, i) => {
      series[t] = year[i] as number;
    });
  }
  return draws;
};

const mean = (xs: Float64Array) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
const sd = (xs: Float64Array) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((sum, x) => sum + (x - m) * (x - m), 0) / (xs.length - 1));
};
const correlation = (xs: Float64Array, ys: Float64Array) => {
  const mx = mean(xs);
  const my = mean(ys);
  const covariance = xs.reduce((sum, x, i) => sum + (x - mx) * ((ys[i] as number) - my), 0) / (xs.length - 1);
  return covariance / (sd(xs) * sd(ys));
};

describe('MarketSampler', () => {
  const draws = sampleYears(11);
  const logDraws = draws.map((series) => series.map(Math.log));

  it('matches every factor’s arithmetic mean and volatility', () => {
    CORRELATION_ORDER.forEach((factor, i) => {
      const series = draws[i] as Float64Array;
      const assumption =
        factor === 'inflation' ? DEFAULT_ASSUMPTIONS.inflation : DEFAULT_ASSUMPTIONS.returns[factor];
      // Standard errors over 100k years: mean ≤ 0.19 / 316 ≈ 0.0006, sd ≤ about 0.0005.
      expect(Math.abs(mean(series) - 1 - assumption.mean), factor).toBeLessThan(0.003);
      expect(Math.abs(sd(series) - assumption.volatility), factor).toBeLessThan(0.003);
      expect(Math.min(...series.subarray(0, 50_000)), factor).toBeGreaterThan(0);
    });
  });

  it('correlates log returns as configured', () => {
    const { matrix } = DEFAULT_ASSUMPTIONS.correlation;
    for (let i = 0; i < FACTOR_COUNT; i++) {
      for (let j = 0; j < i; j++) {
        // The standard error of a sample correlation over 100k draws is at most 1 / 316 ≈ 0.003.
        const sample = correlation(logDraws[i] as Float64Array, logDraws[j] as Float64Array);
        expect(Math.abs(sample - (matrix[i]?.[j] as number)), `${i}/${j}`).toBeLessThan(0.015);
      }
    }
  });

  it('returns exactly 1 + mean when volatility is zero and skips inactive factors', () => {
    const returns = Object.fromEntries(
      Object.keys(DEFAULT_ASSUMPTIONS.returns).map((key) => [key, { mean: 0.05, volatility: 0 }]),
    ) as typeof DEFAULT_ASSUMPTIONS.returns;
    const sampler = new MarketSampler({ ...DEFAULT_ASSUMPTIONS, returns }, 1, [true, false]);
    const year = new Float64Array(FACTOR_COUNT);
    sampler.nextYear(year);
    expect(year[0]).toBe(1.05);
    expect(year[1]).toBeNaN();
    expect(year.slice(2, 6).every((v) => v === 1.05)).toBe(true);
  });
});
