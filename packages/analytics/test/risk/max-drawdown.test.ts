import { describe, expect, it } from 'vitest';
import { maxDrawdown } from '../../src/risk/max-drawdown';

describe('maxDrawdown', () => {
  it('dates a peak at the starting value to the year before the table', () => {
    // Index 1 → 0.8 → 0.72 → 0.9: peak 1 at the start (end of 1999), trough 0.72 at the end of 2001, never back.
    const drawdown = maxDrawdown([2000, 2001, 2002], Float64Array.of(-0.2, -0.1, 0.25));
    expect(drawdown?.drawdown).toBeCloseTo(-0.28, 12);
    expect(drawdown).toMatchObject({ peak_year: 1999, trough_year: 2001, recovery_year: null });
  });

  it('keeps the deepest of two drawdowns', () => {
    // 1 → 0.9 → 1.08 (new peak) → 0.756 → 1.134: −10% then −30%, recovered a year after the second trough.
    const drawdown = maxDrawdown([2000, 2001, 2002, 2003], Float64Array.of(-0.1, 0.2, -0.3, 0.5));
    expect(drawdown?.drawdown).toBeCloseTo(-0.3, 12);
    expect(drawdown).toMatchObject({
      peak_year: 2001,
      trough_year: 2002,
      recovery_year: 2003,
      recovery_years: 1,
    });
  });

  it('is null when the index never falls', () => {
    expect(maxDrawdown([2000, 2001], Float64Array.of(0, 0.05))).toBeNull();
  });
});
