import { describe, expect, it } from 'vitest';
import { ASSET_CLASSES, DEFAULT_ASSUMPTIONS } from '../../src/retirement/assumptions';
import { ParametricSampler } from '../../src/retirement/markets/parametric-sampler';
import { deterministic } from './support/deterministic';

const YEARS = 100_000;
const ALL_ACTIVE = ASSET_CLASSES.map(() => true);

/** Draws YEARS years on one path: assets[class][year] is a gross return 1 + r, inflation[year] is 1 + π. */
const sampleYears = (seed: number, active: readonly boolean[] = ALL_ACTIVE) => {
  const sampler = new ParametricSampler(DEFAULT_ASSUMPTIONS, seed, active);
  const assets = ASSET_CLASSES.map(() => new Float64Array(YEARS));
  const inflation = new Float64Array(YEARS);
  const year = new Float64Array(ASSET_CLASSES.length);
  sampler.startPath();
  for (let t = 0; t < YEARS; t++) {
    inflation[t] = sampler.nextYear(year);
    assets.forEach((series, i) => {
      series[t] = year[i] as number;
    });
  }
  return { assets, inflation };
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

describe('ParametricSampler', () => {
  const { assets, inflation } = sampleYears(11);
  /** Real gross returns (1 + r)/(1 + π): what the lognormal draw is, before inflation carries it. */
  const realAssets = assets.map((series) => series.map((gross, t) => gross / (inflation[t] as number)));
  const logAssets = realAssets.map((series) => series.map(Math.log));
  const { mean: mu, floor, persistence, log_volatility: volatility } = DEFAULT_ASSUMPTIONS.inflation;
  /** x = ln(π − floor), the AR(1) the sampler draws. */
  const logs = inflation.map((gross) => Math.log(gross - 1 - floor));
  const logMean = mean(logs);
  const shocks = logs
    .subarray(1)
    .map((x, t) => (x - logMean - persistence * ((logs[t] as number) - logMean)) / volatility);

  it('draws real returns with the assumed nominal mean and spread deflated by mean inflation', () => {
    const inflationGross = 1 + mu;
    ASSET_CLASSES.forEach((assetClass, i) => {
      const series = realAssets[i] as Float64Array;
      const assumption = DEFAULT_ASSUMPTIONS.returns[assetClass];
      // Standard errors over 100k years: mean ≤ 0.19 / 316 ≈ 0.0006, sd ≤ about 0.0005.
      expect(Math.abs(mean(series) - (1 + assumption.mean) / inflationGross), assetClass).toBeLessThan(0.003);
      expect(Math.abs(sd(series) - assumption.volatility / inflationGross), assetClass).toBeLessThan(0.003);
      // Nominal returns average the assumed mean: inflation carries the real draw.
      expect(Math.abs(mean(assets[i] as Float64Array) - 1 - assumption.mean), assetClass).toBeLessThan(0.004);
      expect(Math.min(...series.subarray(0, 50_000)), assetClass).toBeGreaterThan(0);
    });
  });

  it('draws persistent, skewed inflation: the assumed mean, persistence and long-run spread of ln(π − floor)', () => {
    const pi = inflation.map((gross) => gross - 1);
    expect(Math.abs(mean(pi) - mu)).toBeLessThan(0.002);
    expect(Math.min(...pi)).toBeGreaterThan(floor);
    expect(Math.abs(correlation(logs.subarray(1), logs.subarray(0, -1)) - persistence)).toBeLessThan(0.01);
    expect(Math.abs(sd(logs) - volatility / Math.sqrt(1 - persistence ** 2))).toBeLessThan(0.01);
    expect(Math.abs(sd(shocks) - 1)).toBeLessThan(0.01);
    // Deflation is rare (about 3% of years; US 1950-2022: 2 of 73), high inflation is not (above 8%: about 5%).
    const share = (test: (value: number) => boolean) => pi.filter(test).length / pi.length;
    expect(share((value) => value < 0)).toBeGreaterThan(0.015);
    expect(share((value) => value < 0)).toBeLessThan(0.05);
    expect(share((value) => value > 0.08)).toBeGreaterThan(0.02);
  });

  it('correlates log returns and inflation shocks as configured', () => {
    const { matrix } = DEFAULT_ASSUMPTIONS.correlation;
    const series = [...logAssets.map((s) => s.subarray(1)), shocks];
    for (let i = 0; i < series.length; i++) {
      for (let j = 0; j < i; j++) {
        // The standard error of a sample correlation over 100k draws is at most 1 / 316 ≈ 0.003.
        const sample = correlation(series[i] as Float64Array, series[j] as Float64Array);
        expect(Math.abs(sample - (matrix[i]?.[j] as number)), `${i}/${j}`).toBeLessThan(0.015);
      }
    }
  });

  it('keeps the correlation with inflation when only some classes are active, leaving the others untouched', () => {
    const equityOnly = ASSET_CLASSES.map((assetClass) => assetClass === 'equity');
    const sampled = sampleYears(12, equityOnly);
    const equity = (sampled.assets[0] as Float64Array).map(
      (gross, t) => gross / (sampled.inflation[t] as number),
    );
    expect(sampled.assets[1]?.every((value) => value === 0)).toBe(true);
    const log = (t: number) => Math.log((sampled.inflation[t] as number) - 1 - floor);
    const shockOf = (t: number) => log(t + 1) - logMean - persistence * (log(t) - logMean);
    const equityShock = Float64Array.from({ length: YEARS - 1 }, (_, t) => shockOf(t));
    const sample = correlation(equity.subarray(1).map(Math.log), equityShock);
    expect(Math.abs(sample - (DEFAULT_ASSUMPTIONS.correlation.matrix[0]?.[6] as number))).toBeLessThan(0.015);
  });

  it('returns 1 + mean (to rounding) when volatility is zero', () => {
    const markets = deterministic(0.05, 0.02);
    const flat = { ...markets, inflation: { ...markets.inflation, persistence: 0.5 } };
    const sampler = new ParametricSampler(flat, 1, ALL_ACTIVE);
    const year = new Float64Array(ASSET_CLASSES.length);
    sampler.startPath();
    expect(sampler.nextYear(year)).toBeCloseTo(1.02, 15);
    for (const gross of year) expect(gross).toBeCloseTo(1.05, 14);
  });
});
