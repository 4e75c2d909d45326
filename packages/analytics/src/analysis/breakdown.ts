import { fromCents, percentOfCents } from '../money';
import { apportion, compareKeys } from './apportion';

/** One key of a breakdown: its value in dollars and its share of what the breakdown covers. */
export interface BreakdownEntry<K extends string = string> {
  key: K;
  value: number;
  /** Percent of `covers` with one decimal, rounded once from cents (so a breakdown's percents sum to 100 ± 0.1 per few keys). */
  percent: number;
}

/** Value split by one classification; entries sum to `covers` (dollars) exactly, to the cent. */
export interface Breakdown<K extends string = string> {
  /** The dollar value this breakdown accounts for (what was left out is listed in `unclassified`). */
  covers: number;
  /** Non-zero entries, largest value first, then by key. */
  entries: BreakdownEntry<K>[];
}

/**
 * Turns fractional-cent weights into a breakdown whose cents sum exactly to `coversCents`; each key ends
 * within one cent of its exact look-through value.
 */
export function breakdownFromWeights<K extends string>(
  coversCents: number,
  weights: ReadonlyMap<K, number>,
): Breakdown<K> {
  const cents = apportion(coversCents, weights);
  const nonZero = new Map([...cents].filter(([, value]) => value > 0));
  const entries = [...nonZero]
    .map(([key, value]) => ({ key, value: fromCents(value), percent: percentOfCents(value, coversCents) }))
    .sort((a, b) => b.value - a.value || compareKeys(a.key, b.key));
  return { covers: fromCents(coversCents), entries };
}

/** Adds one holding's value to per-key weights by its allocation map; false when the map is empty. */
export function addLookThrough<K extends string>(
  weights: Map<K, number>,
  valueCents: number,
  allocation: Readonly<Partial<Record<K, number>>>,
): boolean {
  const shares = (Object.entries(allocation) as [K, number | undefined][]).filter(
    (entry): entry is [K, number] => entry[1] !== undefined && entry[1] > 0,
  );
  // Maps are accepted at 100 ± 0.05, so shares are taken of the map's own total: a holding is allocated whole.
  const mapTotal = shares.reduce((sum, [, percent]) => sum + percent, 0);
  if (!(mapTotal > 0)) return false;
  for (const [key, percent] of shares) {
    weights.set(key, (weights.get(key) ?? 0) + (valueCents * percent) / mapTotal);
  }
  return true;
}
