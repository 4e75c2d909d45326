/**
 * Splits a whole number of units (cents, basis points) across keys in proportion to non-negative weights,
 * by the largest-remainder method, so the parts sum exactly to `total`; equal remainders go to the
 * alphabetically first key, which keeps the result deterministic.
 */
export function apportion<K extends string>(total: number, weights: ReadonlyMap<K, number>): Map<K, number> {
  if (!Number.isSafeInteger(total) || total < 0) throw new Error(`cannot apportion ${total} units`);
  const weightSum = [...weights.values()].reduce((sum, weight) => sum + weight, 0);
  if (!(weightSum > 0)) {
    if (total !== 0) throw new Error(`cannot apportion ${total} units across zero weight`);
    return new Map([...weights.keys()].map((key) => [key, 0]));
  }
  const shares = [...weights].map(([key, weight]) => {
    const exact = (total * weight) / weightSum;
    return { key, whole: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  // A share float arithmetic leaves a hair under a whole number (28.999999999999996) has a remainder near 1,
  // so it is first in line for a leftover unit and still ends on the whole number.
  shares.sort((a, b) => b.remainder - a.remainder || compareKeys(a.key, b.key));
  const parts = new Map(shares.map((share) => [share.key, share.whole]));
  const left = total - shares.reduce((sum, share) => sum + share.whole, 0);
  for (let i = 0; i < left; i++) {
    const share = shares[i % shares.length];
    if (share) parts.set(share.key, (parts.get(share.key) ?? 0) + 1);
  }
  return parts;
}

/** Orders keys by code unit, independent of the runtime's locale. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
