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

/**
 * `part` as a percent of `whole` with one decimal, the precision every share is shown at, rounded once
 * (half away from zero) from whole cents in exact integer arithmetic: 7,154,500 of 9,943,750 cents is 71.9,
 * not 72.0 as rounding to basis points first would give. 0 when `whole` is not positive.
 */
export function percentOfCents(partCents: number, wholeCents: number): number {
  if (!(wholeCents > 0)) return 0;
  const part = BigInt(Math.abs(Math.round(partCents)));
  const whole = BigInt(Math.round(wholeCents));
  const tenths = (part * 2_000n + whole) / (2n * whole);
  return (Math.sign(partCents) * Number(tenths)) / 10;
}
