import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/retirement/wilson-interval';

describe('wilsonInterval', () => {
  it('matches the textbook interval for 8 successes in 10 trials', () => {
    const [low, high] = wilsonInterval(8, 10);
    expect(low).toBeCloseTo(0.4902, 4);
    expect(high).toBeCloseTo(0.9433, 4);
  });

  it('contains the observed rate and narrows as trials grow', () => {
    let previousWidth = 1;
    for (const trials of [10, 100, 1_000, 10_000, 100_000]) {
      const successes = Math.round(trials * 0.87);
      const [low, high] = wilsonInterval(successes, trials);
      expect(low).toBeLessThanOrEqual(successes / trials);
      expect(high).toBeGreaterThanOrEqual(successes / trials);
      expect(high - low).toBeLessThan(previousWidth);
      previousWidth = high - low;
    }
  });

  it('stays inside [0, 1] at the extremes', () => {
    const [zeroLow, zeroHigh] = wilsonInterval(0, 50);
    expect(zeroLow).toBe(0);
    expect(zeroHigh).toBeCloseTo(0.0713, 4);
    const [oneLow, oneHigh] = wilsonInterval(50, 50);
    expect(oneLow).toBeCloseTo(0.9287, 4);
    expect(oneHigh).toBe(1);
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(1, 0)).toThrow(/trials/);
    expect(() => wilsonInterval(11, 10)).toThrow(/successes/);
  });
});
