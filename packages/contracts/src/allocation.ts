import { z } from 'zod';
import { splitDecimal } from './column-limits';
import { AssetClassType, RegionType, SectorType } from './enums';

/** How far an allocation map's total may stray from 100 and still be accepted. */
export const ALLOCATION_SUM_TOLERANCE = 0.05;

/** Sum of an allocation map's percentages. */
export function allocationTotal(map: Readonly<Record<string, number>>): number {
  return Object.values(map).reduce((total, value) => total + value, 0);
}

/** A finite number as an exact decimal: digits scaled by 10^-scale (from its shortest text, as JSON writes it). */
function exactDecimal(value: number): { digits: bigint; scale: number } {
  const { negative, digits, scale } = splitDecimal(String(value));
  const whole = BigInt(digits || '0') * (scale < 0 ? 10n ** BigInt(-scale) : 1n);
  return { digits: negative ? -whole : whole, scale: Math.max(0, scale) };
}

/**
 * Whether the percentages sum to 100 within the tolerance, computed exactly on the decimals as stored (the
 * database's `alex_allocation_valid` sums numerics): floating point would pass 100.050000000000002.
 */
export function allocationSumsTo100(values: readonly number[]): boolean {
  const decimals = [...values, -100, ALLOCATION_SUM_TOLERANCE].map(exactDecimal);
  const scale = Math.max(...decimals.map((d) => d.scale));
  const scaled = decimals.map((d) => d.digits * 10n ** BigInt(scale - d.scale));
  const [tolerance = 0n] = scaled.splice(-1);
  const difference = scaled.reduce((sum, digits) => sum + digits, 0n);
  return (difference < 0n ? -difference : difference) <= tolerance;
}

function allocationMap<K extends z.ZodEnum>(keys: K) {
  return z.partialRecord(keys, z.number().min(0).max(100)).superRefine((map, ctx) => {
    const values = Object.values(map) as number[];
    if (values.length === 0) return;
    const total = allocationTotal(map as Record<string, number>);
    if (!allocationSumsTo100(values)) {
      ctx.addIssue({
        code: 'custom',
        message: `percentages must sum to 100 (±${ALLOCATION_SUM_TOLERANCE}), got ${Number(total.toFixed(4))}`,
      });
    }
  });
}

/** Region -> percent; empty means "not classified yet", otherwise sums to 100. */
export const RegionAllocation = allocationMap(RegionType);
export type RegionAllocation = z.infer<typeof RegionAllocation>;

/** Asset class -> percent; empty means "not classified yet", otherwise sums to 100. */
export const AssetClassAllocation = allocationMap(AssetClassType);
export type AssetClassAllocation = z.infer<typeof AssetClassAllocation>;

/** Sector -> percent; empty means "not classified yet", otherwise sums to 100. */
export const SectorAllocation = allocationMap(SectorType);
export type SectorAllocation = z.infer<typeof SectorAllocation>;
