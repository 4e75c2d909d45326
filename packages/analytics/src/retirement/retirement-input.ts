import { AssetClassType, PROJECTION_END_AGE } from '@alex/contracts';
import { issueLines } from '@alex/errors';
import { z } from 'zod';
import { SimulationMethod } from './markets/simulation-method';
import { MAX_SEED } from './random';
import { SpendingStrategy } from './spending-strategy';

/** Paths simulated when the caller does not say. */
export const DEFAULT_PATHS = 10_000;

/**
 * Most paths one run may ask for: the engine keeps four (paths × years) arrays of doubles (markets, inflation,
 * wealth, spending), about 480 MB at 100,000 paths from age 0 to 120.
 */
export const MAX_PATHS = 100_000;

/** Seed used when the caller does not give one; recorded in the output so any run can be repeated. */
export const DEFAULT_SEED = 20_260_101;

/**
 * The age projections run to unless the person sets one: a 65-year-old today has roughly a 1-in-5 chance of
 * reaching 95 (US SSA period life tables), a common planning horizon.
 */
export const DEFAULT_END_AGE = PROJECTION_END_AGE;

/** How far the weights may stray from summing to 1 before the input is rejected. */
export const WEIGHT_SUM_TOLERANCE = 1e-6;

/** Largest amount of money the engine accepts for a value, a contribution or an income: a trillion dollars. */
const MAX_AMOUNT = 1e12;

/** Most other-income streams one plan may have. */
export const MAX_OTHER_INCOME = 10;

/**
 * Income besides the portfolio (Social Security, a pension, an annuity), in today's dollars, paid every year of
 * age from `startAge` through `endAge` inclusive (for life when null). When `inflationAdjusted` is false the
 * payment is fixed in dollars, so its real value falls with inflation.
 */
export const OtherIncomeStream = z.object({
  name: z.string().min(1).max(100),
  annualAmount: z.number().min(0).max(10_000_000),
  startAge: z.number().int().min(0).max(120),
  endAge: z.number().int().min(0).max(120).nullable().default(null),
  inflationAdjusted: z.boolean().default(true),
});
export type OtherIncomeStream = z.output<typeof OtherIncomeStream>;

/** Yearly costs taken from returns, as fractions of assets: the holdings' expense ratios and an advisory fee. */
export const PlanFees = z.object({
  expenseRatio: z.number().min(0).max(0.1).default(0),
  advisoryFee: z.number().min(0).max(0.05).default(0),
});
export type PlanFees = z.output<typeof PlanFees>;

/**
 * What to simulate: money in dollars (contribution, income and other income in today's dollars), ages in
 * whole years. Weights are the allocation simulated, fractions by asset class summing to 1 even when
 * `startValue` is 0: the whole portfolio and every contribution are invested to them and rebalanced yearly.
 */
export const RetirementInput = z
  .object({
    startValue: z.number().min(0).max(MAX_AMOUNT),
    weights: z.partialRecord(AssetClassType, z.number().min(0).max(1)),
    currentAge: z.number().int().min(0),
    retirementAge: z.number().int().min(0),
    endAge: z.number().int().min(1).max(120).default(DEFAULT_END_AGE),
    annualContribution: z.number().min(0).max(MAX_AMOUNT),
    targetIncome: z.number().min(0).max(MAX_AMOUNT),
    otherIncome: z.array(OtherIncomeStream).max(MAX_OTHER_INCOME).default([]),
    fees: PlanFees.default({ expenseRatio: 0, advisoryFee: 0 }),
    strategy: SpendingStrategy.default({ kind: 'constant_real' }),
    method: SimulationMethod.default('parametric'),
    paths: z.number().int().min(1).max(MAX_PATHS).default(DEFAULT_PATHS),
    seed: z.number().int().min(0).max(MAX_SEED).default(DEFAULT_SEED),
  })
  .superRefine((input, ctx) => {
    const total = Object.values(input.weights).reduce<number>((sum, weight) => sum + (weight ?? 0), 0);
    if (Math.abs(total - 1) > WEIGHT_SUM_TOLERANCE) {
      ctx.addIssue({
        code: 'custom',
        path: ['weights'],
        message:
          `weights must sum to 1 (±${WEIGHT_SUM_TOLERANCE}), got ${total}; ` +
          'give the allocation contributions will follow even for an empty portfolio',
      });
    }
    if (input.currentAge > input.endAge)
      ctx.addIssue({
        code: 'custom',
        path: ['currentAge'],
        message: `${input.currentAge} is past the end age ${input.endAge}`,
      });
    if (input.retirementAge > input.endAge)
      ctx.addIssue({
        code: 'custom',
        path: ['retirementAge'],
        message: `${input.retirementAge} is past the end age ${input.endAge}`,
      });
    input.otherIncome.forEach((stream, i) => {
      if (stream.endAge !== null && stream.endAge < stream.startAge)
        ctx.addIssue({
          code: 'custom',
          path: ['otherIncome', i, 'endAge'],
          message: `${stream.endAge} is before the start age ${stream.startAge}`,
        });
    });
  });
/** Input as callers write it (everything with a default optional). */
export type RetirementInput = z.input<typeof RetirementInput>;
/** Input after validation, with defaults filled in. */
export type ParsedRetirementInput = z.output<typeof RetirementInput>;

/** Validated input, or the list of problems found, each naming its field. */
export type ParseRetirementInputResult =
  | { ok: true; value: ParsedRetirementInput }
  | { ok: false; issues: string[] };

/** Validates the input, naming every problem. */
export function parseRetirementInput(input: unknown): ParseRetirementInputResult {
  const parsed = RetirementInput.safeParse(input);
  if (!parsed.success) return { ok: false, issues: issueLines(parsed.error, { root: '(root)' }) };
  return { ok: true, value: parsed.data };
}
