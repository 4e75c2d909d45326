import { describe, expect, it } from 'vitest';
import { AssetClassAllocation, allocationSumsTo100 } from '../src';

describe('allocation sums', () => {
  it('are checked exactly on the stored decimals, as the database checks them', () => {
    // In floating point this sums to 100.05 and passes; as decimals it is 100.050000000000002.
    expect(allocationSumsTo100([81.776857869757, 18.273142130243002])).toBe(false);
    expect(allocationSumsTo100([81.776857869757, 18.273142130243])).toBe(true);
    expect(allocationSumsTo100([33.33, 33.33, 33.33])).toBe(true);
    expect(allocationSumsTo100([99.95])).toBe(true);
    expect(allocationSumsTo100([99.9499999])).toBe(false);
    expect(allocationSumsTo100([1e-7, 99.9999999])).toBe(true);
  });

  it('refuse a map the database would refuse, with the reason', () => {
    const parsed = AssetClassAllocation.safeParse({
      equity: 81.776857869757,
      fixed_income: 18.273142130243002,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/must sum to 100/);
  });
});
