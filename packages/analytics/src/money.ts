/**
 * The largest number of whole cents any figure of a valuation may reach ($9,999,999,999,999.99): every
 * total stays far inside the safe integers, and dollars <-> cents round-trips exactly because `toCents`
 * keeps 15 significant digits. Positions that would push a total beyond it are left out, not valued.
 */
export const MAX_VALUED_CENTS = 999_999_999_999_999;

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
