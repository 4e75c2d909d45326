import { describe, expect, it } from 'vitest';
import { roundedProbability } from '../../src/retirement/summarise-simulation';

describe('roundedProbability', () => {
  it('rounds a count share to 4 decimals', () => {
    expect(roundedProbability(8731, 10_000)).toBe(0.8731);
    expect(roundedProbability(1, 3)).toBe(0.3333);
    expect(roundedProbability(2, 3)).toBe(0.6667);
    expect(roundedProbability(0, 7)).toBe(0);
    expect(roundedProbability(7, 7)).toBe(1);
  });

  it('breaks exact ties to even so complementary shares add up to 1', () => {
    // 12,345 of 100,000 is exactly 0.12345: a tie at 4 decimals.
    expect(roundedProbability(12_345, 100_000)).toBe(0.1234);
    expect(roundedProbability(87_655, 100_000)).toBe(0.8766);
    for (const [count, total] of [
      [12_345, 100_000],
      [12_355, 100_000],
      [1, 20_000],
      [3, 20_000],
    ] as const) {
      const units =
        roundedProbability(count, total) * 10_000 + roundedProbability(total - count, total) * 10_000;
      expect(Math.round(units)).toBe(10_000);
    }
  });
});
