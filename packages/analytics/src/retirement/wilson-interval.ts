/** The two-sided 95% standard-normal quantile, Φ⁻¹(0.975). */
const Z_95 = 1.959963984540054;

/**
 * Wilson score interval for a binomial proportion (successes out of trials), clamped to [0, 1]; unlike the
 * normal approximation it stays inside [0, 1] and is sensible at rates near 0 or 1.
 */
export function wilsonInterval(successes: number, trials: number, z: number = Z_95): [number, number] {
  if (!Number.isInteger(trials) || trials <= 0)
    throw new RangeError(`trials must be a positive integer, got ${trials}`);
  if (successes < 0 || successes > trials)
    throw new RangeError(`successes must be in [0, ${trials}], got ${successes}`);
  const rate = successes / trials;
  const z2n = (z * z) / trials;
  const denominator = 1 + z2n;
  const centre = (rate + z2n / 2) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((rate * (1 - rate)) / trials + z2n / (4 * trials));
  return [Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth)];
}
