import { describe, expect, it } from 'vitest';
import type { RetirementInput } from '../../src/retirement/retirement-input';
import { RetirementSimulation } from '../../src/retirement/retirement-simulation';
import { simulateRetirement } from '../../src/retirement/simulate-retirement';
import { saverInput } from './support/retirement-input';

const base = saverInput({ startValue: 250_000, targetIncome: 60_000, seed: 42 });

const run = (input: RetirementInput = base) => {
  const result = simulateRetirement(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('simulateRetirement', () => {
  it('gives identical output for the same seed and different output for another seed', () => {
    const first = run();
    expect(run()).toEqual(first);
    const other = run({ ...base, seed: 43 });
    expect(other.seed).toBe(43);
    expect(other.bands).not.toEqual(first.bands);
  });

  it('records the defaults and returns a payload the contract schema accepts', () => {
    const { paths: _paths, seed: _seed, ...withoutDefaults } = base;
    const result = run({ ...withoutDefaults, targetIncome: 40_000 });
    expect(result.paths).toBe(10_000);
    expect(result.seed).toBe(20_260_101);
    expect(RetirementSimulation.parse(result)).toEqual(result);
    expect(result.bands.map((band) => band.age)).toEqual(Array.from({ length: 46 }, (_, i) => 50 + i));
    expect(result.bands.map((band) => band.year)).toEqual(Array.from({ length: 46 }, (_, i) => i));
    expect(result.depletion_by_age.map((point) => point.age)).toEqual(
      Array.from({ length: 31 }, (_, i) => 65 + i),
    );
    expect(result.bands[0]).toEqual({
      year: 0,
      age: 50,
      p10: 250_000,
      p25: 250_000,
      p50: 250_000,
      p75: 250_000,
      p90: 250_000,
    });
    expect(result.median_at_retirement).toBe(result.bands[15]?.p50);
  });

  it('never raises the success rate when the target income rises', () => {
    const rates = [0, 20_000, 40_000, 60_000, 80_000, 120_000, 500_000].map(
      (targetIncome) => run({ ...base, targetIncome }).success_rate,
    );
    expect(rates[0]).toBe(1);
    expect(rates.at(-1)).toBe(0);
    rates.slice(1).forEach((rate, i) => {
      expect(rate).toBeLessThanOrEqual(rates[i] as number);
    });
    expect(new Set(rates).size).toBeGreaterThan(4);
  });

  it('brackets the success rate with a Wilson interval that narrows with more paths', () => {
    const small = run({ ...base, paths: 1_000 });
    const large = run({ ...base, paths: 20_000 });
    for (const { success_rate, success_rate_ci95 } of [small, large]) {
      const [low, high] = success_rate_ci95 ?? [Number.NaN, Number.NaN];
      expect(low).toBeLessThanOrEqual(success_rate);
      expect(high).toBeGreaterThanOrEqual(success_rate);
      expect(low).toBeGreaterThanOrEqual(0);
      expect(high).toBeLessThanOrEqual(1);
    }
    const width = ({ success_rate_ci95 }: RetirementSimulation) =>
      (success_rate_ci95?.[1] ?? Number.NaN) - (success_rate_ci95?.[0] ?? Number.NaN);
    expect(width(large)).toBeLessThan(width(small) / 3);
  });

  it('orders the percentile bands every year', () => {
    for (const band of run().bands) {
      expect(band.p10).toBeLessThanOrEqual(band.p25);
      expect(band.p25).toBeLessThanOrEqual(band.p50);
      expect(band.p50).toBeLessThanOrEqual(band.p75);
      expect(band.p75).toBeLessThanOrEqual(band.p90);
    }
  });

  it('accumulates depletion monotonically and ends at one minus the success rate', () => {
    const result = run({ ...base, targetIncome: 75_000 });
    const probabilities = result.depletion_by_age.map((point) => point.probability);
    probabilities.slice(1).forEach((p, i) => {
      expect(p).toBeGreaterThanOrEqual(probabilities[i] as number);
    });
    expect(result.success_rate).toBeGreaterThan(0.05);
    expect(result.success_rate).toBeLessThan(0.95);
    expect(probabilities.at(-1)).toBeCloseTo(1 - result.success_rate, 10);
  });

  it('starts withdrawals at once, from today’s value, when already past the retirement age', () => {
    const result = run({
      ...base,
      currentAge: 70,
      retirementAge: 65,
      startValue: 500_000,
      targetIncome: 30_000,
    });
    expect(result.median_at_retirement).toBe(500_000);
    expect(result.bands).toHaveLength(26);
    expect(result.depletion_by_age[0]?.age).toBe(70);
    expect(result.depletion_by_age).toHaveLength(26);
  });
});
