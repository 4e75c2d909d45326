import { z } from 'zod';

/** The mix's yearly real returns over a span of years: their mean, compound rate and sample volatility. */
export const ReturnWindow = z.object({
  from: z.number().int(),
  to: z.number().int(),
  years: z.number().int().min(2),
  /** Arithmetic mean of the annual real returns. */
  mean_real_return: z.number(),
  /** Compound (geometric) annual real return over the span: (Π(1 + r))^(1/n) − 1. */
  annualised_real_return: z.number(),
  /** Sample standard deviation of the annual real returns (divisor n − 1). */
  volatility: z.number().min(0),
});
export type ReturnWindow = z.infer<typeof ReturnWindow>;

/** One year's real return. */
export const YearReturn = z.object({ year: z.number().int(), real_return: z.number() });
export type YearReturn = z.infer<typeof YearReturn>;

/** The statistics of the years from `from` on (all of them without it); null with fewer than two years. */
export function returnWindow(
  years: readonly number[],
  returns: Float64Array,
  from = -Infinity,
): ReturnWindow | null {
  const picked = [...returns].filter((_, i) => (years[i] as number) >= from);
  const first = years.findIndex((year) => year >= from);
  const n = picked.length;
  if (n < 2) return null;
  const mean = picked.reduce((sum, r) => sum + r, 0) / n;
  const squares = picked.reduce((sum, r) => sum + (r - mean) ** 2, 0);
  const growth = picked.reduce((product, r) => product * (1 + r), 1);
  return {
    from: years[first] as number,
    to: years[first + n - 1] as number,
    years: n,
    mean_real_return: mean,
    annualised_real_return: growth ** (1 / n) - 1,
    volatility: Math.sqrt(squares / (n - 1)),
  };
}

/** The worst and the best year (the earlier one on a tie). */
export function extremeYears(
  years: readonly number[],
  returns: Float64Array,
): { worst: YearReturn; best: YearReturn } {
  let worst = 0;
  let best = 0;
  returns.forEach((r, i) => {
    if (r < (returns[worst] as number)) worst = i;
    if (r > (returns[best] as number)) best = i;
  });
  const at = (i: number) => ({ year: years[i] as number, real_return: returns[i] as number });
  return { worst: at(worst), best: at(best) };
}
