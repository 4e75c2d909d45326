import { z } from 'zod';
import { AssetClassType, RegionType, SectorType } from './enums';

/** How far an allocation map's total may stray from 100 and still be accepted. */
export const ALLOCATION_SUM_TOLERANCE = 0.05;

/** Sum of an allocation map's percentages. */
export function allocationTotal(map: Readonly<Record<string, number>>): number {
  return Object.values(map).reduce((total, value) => total + value, 0);
}

function allocationMap<K extends z.ZodEnum>(keys: K) {
  return z.partialRecord(keys, z.number().min(0).max(100)).superRefine((map, ctx) => {
    const values = Object.values(map) as number[];
    if (values.length === 0) return;
    const total = allocationTotal(map as Record<string, number>);
    if (Math.abs(total - 100) > ALLOCATION_SUM_TOLERANCE) {
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
