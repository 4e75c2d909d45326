import {
  AssetClassAllocation,
  AssetClassType,
  InstrumentType,
  RegionAllocation,
  RegionType,
  SectorAllocation,
  SectorType,
} from '@alex/contracts';
import { formatIssues } from '@alex/errors';
import { z } from 'zod';

const percent = z.number().min(0).max(100);
const everyKey = <T extends string>(keys: readonly T[]) =>
  z.object(Object.fromEntries(keys.map((key) => [key, percent])) as Record<T, typeof percent>);

/**
 * What the model must return for one instrument: every key present (0 when absent), because strict
 * structured output cannot express open maps. Zeros are dropped before the sums are checked.
 */
export const ModelClassification = z.object({
  instrument_type: InstrumentType,
  allocation_asset_class: everyKey(AssetClassType.options),
  allocation_regions: everyKey(RegionType.options),
  allocation_sectors: everyKey(SectorType.options),
});
export type ModelClassification = z.infer<typeof ModelClassification>;

function withoutZeros(map: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(map).filter(([, value]) => value > 0));
}

/** A classification ready to store: maps without zeros, each summing to 100 within 0.05. */
export const StorableClassification = z.object({
  instrumentType: InstrumentType,
  allocationAssetClass: AssetClassAllocation.refine(
    (m) => Object.keys(m).length > 0,
    'empty asset class map',
  ),
  allocationRegions: RegionAllocation.refine((m) => Object.keys(m).length > 0, 'empty region map'),
  allocationSectors: SectorAllocation.refine((m) => Object.keys(m).length > 0, 'empty sector map'),
});
export type StorableClassification = z.infer<typeof StorableClassification>;

/** Validates a model's classification; the error names every map that does not add up. */
export function toStorable(
  output: ModelClassification,
): { ok: true; value: StorableClassification } | { ok: false; error: string } {
  const parsed = StorableClassification.safeParse({
    instrumentType: output.instrument_type,
    allocationAssetClass: withoutZeros(output.allocation_asset_class),
    allocationRegions: withoutZeros(output.allocation_regions),
    allocationSectors: withoutZeros(output.allocation_sectors),
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: formatIssues(parsed.error) };
}
