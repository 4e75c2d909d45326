import { z } from 'zod';
import { CapitalMarketAssumptions } from './assumptions';

/** Percentiles across paths of real wealth (today's dollars) at the start of one year, before its cash flow. */
export const SimulationBand = z.object({
  /** Years from today (0 = today). */
  year: z.number().int().min(0),
  age: z.number().int().min(0),
  p10: z.number().min(0),
  p25: z.number().min(0),
  p50: z.number().min(0),
  p75: z.number().min(0),
  p90: z.number().min(0),
});
export type SimulationBand = z.infer<typeof SimulationBand>;

/** Share of paths that have failed a withdrawal at or before `age` (cumulative). */
export const DepletionPoint = z.object({
  age: z.number().int().min(0),
  probability: z.number().min(0).max(1),
});
export type DepletionPoint = z.infer<typeof DepletionPoint>;

/**
 * The Monte Carlo result stored as `retirement_payload.simulation`: money rounded to cents in today's
 * dollars, probabilities rounded to 4 decimals.
 */
export const RetirementSimulation = z.object({
  paths: z.number().int().min(1),
  seed: z.number().int().min(0),
  assumptions: CapitalMarketAssumptions,
  /** Share of paths that funded every withdrawal through the end age. */
  success_rate: z.number().min(0).max(1),
  /** Wilson score 95% interval for the success rate. */
  success_rate_ci95: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]),
  /** One row per year from today to the end age inclusive. */
  bands: z.array(SimulationBand),
  /** One row per age from the first withdrawal to the end age inclusive. */
  depletion_by_age: z.array(DepletionPoint),
  /** Median real wealth at the start of the first withdrawal year (today's value if already retired). */
  median_at_retirement: z.number().min(0),
});
export type RetirementSimulation = z.infer<typeof RetirementSimulation>;
