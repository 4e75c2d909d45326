import { SpendingDelivered } from '@alex/contracts';
import { z } from 'zod';
import { CapitalMarketAssumptions } from './assumptions';
import { SimulationMethod } from './markets/simulation-method';
import { SpendingStrategy } from './spending-strategy';

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

/** Where a historical or bootstrap result's years came from. */
const HistorySourceRecord = z.object({
  source: z.string(),
  first_year: z.number().int(),
  last_year: z.number().int(),
  block_years: z.number().int().nullable(),
  mapping: z.record(z.string(), z.string()),
});

/** The plan simulated, as stored: today's dollars, ages in years. */
export const SimulatedPlan = z.object({
  start_value: z.number().min(0),
  weights: z.record(z.string(), z.number()),
  current_age: z.number().int(),
  retirement_age: z.number().int(),
  end_age: z.number().int(),
  annual_contribution: z.number().min(0),
  target_income: z.number().min(0),
  other_income: z.array(
    z.object({
      name: z.string(),
      annual_amount: z.number(),
      start_age: z.number().int(),
      end_age: z.number().int().nullable(),
      inflation_adjusted: z.boolean(),
    }),
  ),
  fees: z.object({ expense_ratio: z.number(), advisory_fee: z.number() }),
  strategy: SpendingStrategy,
});
export type SimulatedPlan = z.infer<typeof SimulatedPlan>;

/**
 * The simulation result stored as `retirement_payload.simulation`: money rounded to cents in today's
 * dollars, probabilities rounded to 4 decimals.
 */
export const RetirementSimulation = z.object({
  method: SimulationMethod,
  paths: z.number().int().min(1),
  seed: z.number().int().min(0),
  /** The capital-market assumptions (parametric), or null. */
  assumptions: CapitalMarketAssumptions.nullable(),
  /** The historical years used (historical and bootstrap), or null. */
  history: HistorySourceRecord.nullable(),
  plan: SimulatedPlan,
  /** Share of paths whose portfolio funded every withdrawal through the end age. */
  success_rate: z.number().min(0).max(1),
  /**
   * Wilson score 95% interval for the success rate: simulation noise only, not the assumptions' uncertainty;
   * null for the historical method, whose overlapping windows are not independent draws.
   */
  success_rate_ci95: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]).nullable(),
  /** Share of paths whose spending (withdrawals plus other income) reached the target every retirement year. */
  target_met_rate: z.number().min(0).max(1),
  spending: SpendingDelivered,
  /** One row per year from today to the end age inclusive. */
  bands: z.array(SimulationBand),
  /** One row per age from the first withdrawal to the end age inclusive. */
  depletion_by_age: z.array(DepletionPoint),
  /** Median real wealth at the start of the first withdrawal year (today's value if already retired). */
  median_at_retirement: z.number().min(0),
});
export type RetirementSimulation = z.infer<typeof RetirementSimulation>;
