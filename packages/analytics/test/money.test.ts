import { describe, expect, it } from 'vitest';
import { fromCents, toCents } from '../src';

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
