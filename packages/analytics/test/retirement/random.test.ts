import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/retirement/random';

const draw = (random: SeededRandom, count: number, next: (r: SeededRandom) => number) =>
  Array.from({ length: count }, () => next(random));

describe('SeededRandom', () => {
  it('matches the reference C xoshiro128** seeded by splitmix32', () => {
    // Expected words come from Blackman & Vigna's xoshiro128starstar.c with s[] filled by four splitmix32
    // calls starting from state 12345, compiled with gcc.
    const random = new SeededRandom(12345);
    const words = draw(random, 1000, (r) => r.nextUint32());
    expect(words.slice(0, 5)).toEqual([518667457, 440444462, 4232892992, 3757857622, 3939018813]);
    expect(words[999]).toBe(3995569580);
  });

  it('repeats the same stream for the same seed and a different one for another seed', () => {
    const a = draw(new SeededRandom(7), 100, (r) => r.nextNormal());
    const b = draw(new SeededRandom(7), 100, (r) => r.nextNormal());
    const c = draw(new SeededRandom(8), 100, (r) => r.nextNormal());
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('draws uniform doubles in [0, 1) with mean one half', () => {
    const values = Float64Array.from(draw(new SeededRandom(1), 200_000, (r) => r.nextFloat()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    // Standard error of the mean is 0.29 / sqrt(200k) ≈ 0.00065.
    expect(values.reduce((sum, v) => sum + v, 0) / values.length).toBeCloseTo(0.5, 2);
  });

  it('draws standard normals with the right moments and tail probabilities', () => {
    const n = 1_000_000;
    const random = new SeededRandom(2);
    let sum = 0;
    let squares = 0;
    let fourth = 0;
    const cuts = [-3, -1.959963984540054, -1, 0, 1, 1.959963984540054, 3.5];
    const below = cuts.map(() => 0);
    for (let i = 0; i < n; i++) {
      const x = random.nextNormal();
      sum += x;
      squares += x * x;
      fourth += x * x * x * x;
      cuts.forEach((cut, k) => {
        if (x < cut) below[k] = (below[k] as number) + 1;
      });
    }
    const mean = sum / n;
    expect(Math.abs(mean)).toBeLessThan(0.005);
    expect(Math.abs(squares / n - mean * mean - 1)).toBeLessThan(0.005);
    expect(Math.abs(fourth / n - 3)).toBeLessThan(0.03);
    const expected = [0.0013499, 0.025, 0.1586553, 0.5, 0.8413447, 0.975, 0.9997674];
    below.forEach((count, k) => {
      expect(Math.abs(count / n - (expected[k] as number))).toBeLessThan(0.0015);
    });
  });

  it('rejects seeds that are not unsigned 32-bit integers', () => {
    expect(() => new SeededRandom(-1)).toThrow(/seed must be an integer/);
    expect(() => new SeededRandom(1.5)).toThrow(/seed must be an integer/);
    expect(() => new SeededRandom(2 ** 32)).toThrow(/seed must be an integer/);
  });
});
