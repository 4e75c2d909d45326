import { describe, expect, it } from 'vitest';
import { apportion } from '../../src/analysis/apportion';

describe('apportion', () => {
  it('gives leftover units to the largest remainders and ties to the first key', () => {
    expect(
      apportion(
        10,
        new Map([
          ['b', 1],
          ['a', 1],
          ['c', 1],
        ]),
      ),
    ).toEqual(
      new Map([
        ['a', 4],
        ['b', 3],
        ['c', 3],
      ]),
    );
    expect(
      apportion(
        100,
        new Map([
          ['x', 0.5],
          ['y', 0.3],
          ['z', 0.2],
        ]),
      ),
    ).toEqual(
      new Map([
        ['x', 50],
        ['y', 30],
        ['z', 20],
      ]),
    );
  });

  it('ends a share that float arithmetic leaves a hair under a whole number on that number', () => {
    // 100 * 0.29 / 1 = 28.999999999999996 in floating point.
    const parts = apportion(
      100,
      new Map([
        ['a', 0.29],
        ['b', 0.355],
        ['c', 0.355],
      ]),
    );
    expect(parts).toEqual(
      new Map([
        ['a', 29],
        ['b', 36],
        ['c', 35],
      ]),
    );
  });

  it('sums exactly to the total for many uneven weights', () => {
    const weights = new Map(Array.from({ length: 17 }, (_, i) => [`k${i}`, 1 / (i + 3)] as const));
    const parts = apportion(9_093_751, weights);
    expect([...parts.values()].reduce((sum, part) => sum + part, 0)).toBe(9_093_751);
    expect([...parts.values()].every((part) => part >= 0)).toBe(true);
  });

  it('returns zeros for zero weight and refuses to apportion units across it', () => {
    expect(apportion(0, new Map([['a', 0]]))).toEqual(new Map([['a', 0]]));
    expect(() => apportion(5, new Map([['a', 0]]))).toThrow('cannot apportion 5 units across zero weight');
  });
});
