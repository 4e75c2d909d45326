/** Converts dollars to whole cents, rounding half away from zero. */
export function toCents(dollars: number): number {
  // 1.005 * 100 is 100.49999999999999 in binary floating point; 15 significant digits restore 100.5.
  const cents = Number((Math.abs(dollars) * 100).toPrecision(15));
  return Math.sign(dollars) * Math.round(cents);
}

/** Converts whole cents back to dollars. */
export function fromCents(cents: number): number {
  return cents / 100;
}
