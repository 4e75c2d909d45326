import { z } from 'zod';

/**
 * Where simulated markets come from:
 * - `parametric`: correlated lognormal yearly returns from stated capital-market assumptions (world-market
 *   long-run figures), with inflation that persists from year to year (an AR(1) fitted to US history);
 * - `historical`: every rolling window of actual US years that fits in the data (1871 onwards), as FIRECalc
 *   and cFIREsim do; one path per window, no randomness;
 * - `bootstrap`: paths stitched from blocks of consecutive historical years drawn at random, as TPAW does,
 *   which keeps each year's joint stock, bond and inflation outcome and short-run momentum.
 */
export const SimulationMethod = z.enum(['parametric', 'historical', 'bootstrap']);
export type SimulationMethod = z.infer<typeof SimulationMethod>;

/** The method an analysis reports as its headline unless asked for another (the others are shown beside it). */
export const DEFAULT_METHOD: SimulationMethod = 'parametric';

/** Why the headline uses `method`, in a sentence for the person reading it. */
export function methodReason(method: SimulationMethod): string {
  if (method === DEFAULT_METHOD)
    return (
      'The headline uses the parametric method: its world-market assumptions do not bet on the United States ' +
      'repeating the strongest stock market of the last 150 years, and it can draw markets worse than any seen; ' +
      'the historical and bootstrap methods, built from US history since 1871, are shown beside it.'
    );
  const name =
    method === 'historical'
      ? 'every rolling window of US history since 1871'
      : 'blocks of US history since 1871 resampled';
  return `The headline uses the ${method} method, as asked: ${name}, which assumes the future looks like the US past; the other methods are shown beside it.`;
}
