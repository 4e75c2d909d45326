/** Converts dollars to whole cents, rounding half away from zero. */
export function toCents(dollars: number): number {
  return Math.sign(dollars) * Math.round(Math.abs(dollars) * 100);
}

/** Converts whole cents back to dollars. */
export function fromCents(cents: number): number {
  return cents / 100;
}
