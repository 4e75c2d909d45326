import type { AssetClassType, RegionType } from '@alex/contracts';
import { fromCents, percentOfCents, toCents } from '../money';
import { apportion, compareKeys } from './apportion';
import type { Breakdown } from './breakdown';

/** One key's distance from its target. */
export interface DriftEntry<K extends string = string> {
  key: K;
  /** The target's share of all targets, with one decimal (the precision shown). */
  targetPercent: number;
  /** The key's share of the base, with one decimal, rounded once from cents. */
  actualPercent: number;
  /** actualPercent - targetPercent exactly, so the shown figures subtract. */
  driftPercent: number;
  /** Dollars over (+) or under (-) the target value; moving this many dollars out (or in) reaches the target. */
  driftValue: number;
}

/** Drift of one breakdown from a percent target map; drift values sum to exactly 0. */
export interface Drift<K extends string = string> {
  /** The dollar value both actual and target percents are taken of (the breakdown's `covers`). */
  base: number;
  /** The target key that actual keys the targets do not name were counted under, if any. */
  foldedInto: K | null;
  /** Every key in the targets or the holdings, largest absolute dollar drift first, then by key. */
  entries: DriftEntry<K>[];
}

/** Drift of the asset-class and region breakdowns; null where the user has no target or nothing is valued. */
export interface TargetDrift {
  assetClass: Drift<AssetClassType> | null;
  region: Drift<RegionType> | null;
}

/** Name of the catch-all region a coarse target (e.g. north_america 50 / international 50) is written with. */
const CATCH_ALL_REGION: RegionType = 'international';

/**
 * Compares a breakdown with a percent target map (normalised to its own total). When `foldInto` names a key
 * the targets contain, every actual key the targets do not name is counted under it.
 */
export function measureDrift<K extends string>(
  targets: Readonly<Partial<Record<K, number>>>,
  actual: Breakdown<K>,
  foldInto?: K,
): Drift<K> | null {
  const targetWeights = new Map(
    (Object.entries(targets) as [K, number | undefined][]).filter(
      (entry): entry is [K, number] => entry[1] !== undefined && entry[1] >= 0,
    ),
  );
  // Without targets, or with nothing valued to compare, there is no drift to show (not "100 points below").
  if (![...targetWeights.values()].some((percent) => percent > 0) || toCents(actual.covers) <= 0) return null;
  const fold = foldInto !== undefined && targetWeights.has(foldInto) ? foldInto : undefined;
  const actualCents = new Map<K, number>();
  for (const entry of actual.entries) {
    const key = targetWeights.has(entry.key) ? entry.key : (fold ?? entry.key);
    actualCents.set(key, (actualCents.get(key) ?? 0) + toCents(entry.value));
  }
  const baseCents = toCents(actual.covers);
  const targetCents = apportion(baseCents, targetWeights);
  const targetTenths = apportion(1_000, targetWeights);
  const keys = new Set([...targetWeights.keys(), ...actualCents.keys()]);
  const entries = [...keys].map((key): DriftEntry<K> => {
    const target = targetTenths.get(key) ?? 0;
    const actual = Math.round(percentOfCents(actualCents.get(key) ?? 0, baseCents) * 10);
    return {
      key,
      targetPercent: target / 10,
      actualPercent: actual / 10,
      driftPercent: (actual - target) / 10,
      driftValue: fromCents((actualCents.get(key) ?? 0) - (targetCents.get(key) ?? 0)),
    };
  });
  entries.sort((a, b) => Math.abs(b.driftValue) - Math.abs(a.driftValue) || compareKeys(a.key, b.key));
  return { base: actual.covers, foldedInto: fold ?? null, entries };
}

/**
 * Region drift: targets may use the coarse `international` region while instruments report europe, asia,
 * global and so on, so every region the targets do not name counts toward `international` when they have it.
 */
export function measureRegionDrift(
  targets: Readonly<Partial<Record<RegionType, number>>>,
  actual: Breakdown<RegionType>,
): Drift<RegionType> | null {
  return measureDrift(targets, actual, CATCH_ALL_REGION);
}
