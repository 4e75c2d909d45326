import { describe, expect, it } from 'vitest';
import { fromCents, percentOfCents, toCents } from '../src';

describe('toCents', () => {
  it('rounds exact half cents away from zero despite binary floating point', () => {
    expect(toCents(1.005)).toBe(101);
    expect(toCents(-1.005)).toBe(-101);
    expect(toCents(150 * 48.3)).toBe(724500);
    expect(toCents(0.1 + 0.2)).toBe(30);
  });

  it('round-trips whole cents', () => {
    expect(fromCents(toCents(99437.5))).toBe(99437.5);
    expect(toCents(0)).toBe(0);
  });
});

describe('percentOfCents', () => {
  it('rounds once, from cents, to the one decimal shown', () => {
    // 71,545.00 of 99,437.50 is 71.9497%: 71.9 (rounding to basis points first gives 71.95, then 72.0).
    expect(percentOfCents(7_154_500, 9_943_750)).toBe(71.9);
    // Exact halves go away from zero, whatever binary floating point makes of them: 1 of 8 is 12.5%, 1 of 16 is 6.25%.
    expect(percentOfCents(1, 16)).toBe(6.3);
    expect(percentOfCents(-1, 16)).toBe(-6.3);
    expect(percentOfCents(3, 8_000)).toBe(0);
    expect(percentOfCents(4, 8_000)).toBe(0.1);
  });

  it('is 0 of nothing and exact at the largest valued total', () => {
    expect(percentOfCents(5, 0)).toBe(0);
    expect(percentOfCents(0, 100)).toBe(0);
    expect(percentOfCents(999_999_999_999_999, 999_999_999_999_999)).toBe(100);
    expect(percentOfCents(333_333_333_333_333, 999_999_999_999_999)).toBe(33.3);
  });
});
