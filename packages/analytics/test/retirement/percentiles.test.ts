import { describe, expect, it } from 'vitest';
import { percentilesInPlace } from '../../src/retirement/percentiles';
import { SeededRandom } from '../../src/retirement/random';

const PROBABILITIES = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1];

/** Type-7 percentile of an ascending-sorted array, written the obvious way as the oracle. */
const sortedPercentile = (sorted: Float64Array, p: number) => {
  const rank = (sorted.length - 1) * p;
  const below = Math.floor(rank);
  const low = sorted[below] as number;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return low + (rank - below) * (high - low);
};

describe('percentilesInPlace', () => {
  it('interpolates between closest ranks like numpy', () => {
    expect(percentilesInPlace(Float64Array.from([4, 1, 3, 2]), [0.1, 0.5, 0.9])).toEqual([1.3, 2.5, 3.7]);
    expect(percentilesInPlace(Float64Array.from([5]), [0, 0.5, 1])).toEqual([5, 5, 5]);
  });

  it('agrees with sorting on random data with many ties and zeros', () => {
    const random = new SeededRandom(3);
    for (const n of [1, 2, 3, 10, 999, 10_000]) {
      const values = Float64Array.from({ length: n }, () =>
        random.nextFloat() < 0.4 ? 0 : Math.round(random.nextFloat() * 50),
      );
      const sorted = values.slice().sort();
      expect(percentilesInPlace(values, PROBABILITIES)).toEqual(
        PROBABILITIES.map((p) => sortedPercentile(sorted, p)),
      );
    }
  });

  it('gives the same percentiles with the zeros counted instead of passed', () => {
    const random = new SeededRandom(4);
    for (const [n, zeroShare] of [
      [10, 0.5],
      [1_000, 0.95],
      [1_000, 0],
      [50, 1],
    ] as const) {
      const values = Float64Array.from({ length: n }, () =>
        random.nextFloat() < zeroShare ? 0 : 1 + Math.round(random.nextFloat() * 50),
      );
      const nonZero = values.filter((value) => value !== 0);
      const expected = percentilesInPlace(values.slice(), PROBABILITIES);
      expect(percentilesInPlace(nonZero, PROBABILITIES, n - nonZero.length)).toEqual(expected);
    }
  });

  it('handles already sorted, reversed and constant inputs', () => {
    const ascending = Float64Array.from({ length: 1001 }, (_, i) => i);
    const expected = PROBABILITIES.map((p) => sortedPercentile(ascending, p));
    expect(percentilesInPlace(ascending.slice(), PROBABILITIES)).toEqual(expected);
    expect(percentilesInPlace(ascending.slice().reverse(), PROBABILITIES)).toEqual(expected);
    expect(percentilesInPlace(new Float64Array(500).fill(7), PROBABILITIES)).toEqual(
      PROBABILITIES.map(() => 7),
    );
  });

  it('rejects empty input and descending probabilities', () => {
    expect(() => percentilesInPlace(new Float64Array(0), [0.5])).toThrow(/no values/);
    expect(() => percentilesInPlace(Float64Array.from([1, 2]), [0.9, 0.1])).toThrow(/ascend/);
  });
});
