import { z } from 'zod';

/**
 * The deepest fall of the real wealth index from a peak to a later trough. Index levels are read at the end
 * of each year (the January after it); `peak_year` is the year at whose end the peak stood, and the year
 * before the table's first when the peak is the starting value. Yearly points on monthly average prices miss
 * falls that recover within a year, so this is shallower than a drawdown measured on daily closes.
 */
export const MaxDrawdown = z.object({
  /** trough / peak − 1, below 0. */
  drawdown: z.number().max(0),
  peak_year: z.number().int(),
  trough_year: z.number().int(),
  /** First year at whose end the index is back at the peak, or null if it never is within the table. */
  recovery_year: z.number().int().nullable(),
  /** recovery_year − trough_year, or null if the index never got back to the peak. */
  recovery_years: z.number().int().min(1).nullable(),
});
export type MaxDrawdown = z.infer<typeof MaxDrawdown>;

/** The maximum drawdown of the wealth index Π(1 + r) over `returns`; null when the index never falls. */
export function maxDrawdown(years: readonly number[], returns: Float64Array): MaxDrawdown | null {
  // Point k is the index at the end of year k − 1; point 0 is the start, before the first year.
  const levels = [1];
  for (const r of returns) levels.push((levels.at(-1) as number) * (1 + r));
  const yearAt = (point: number) => (years[0] as number) + point - 1;
  let peak = 0;
  let deepest = { drawdown: 0, peak: 0, trough: 0 };
  levels.forEach((level, point) => {
    if (level > (levels[peak] as number)) peak = point;
    const drawdown = level / (levels[peak] as number) - 1;
    if (drawdown < deepest.drawdown) deepest = { drawdown, peak, trough: point };
  });
  if (deepest.drawdown === 0) return null;
  const peakLevel = levels[deepest.peak] as number;
  const recovered = levels.findIndex((level, point) => point > deepest.trough && level >= peakLevel);
  return {
    drawdown: deepest.drawdown,
    peak_year: yearAt(deepest.peak),
    trough_year: yearAt(deepest.trough),
    recovery_year: recovered === -1 ? null : yearAt(recovered),
    recovery_years: recovered === -1 ? null : recovered - deepest.trough,
  };
}
