import { AssetClassType } from '@alex/contracts';
import { issueLines } from '@alex/errors';
import { z } from 'zod';
import { MAX_SEED } from './random';

/** Paths simulated when the caller does not say. */
export const DEFAULT_PATHS = 10_000;

/** Most paths one run may ask for; the engine keeps (paths × years) doubles in memory (200k × 96 ≈ 150 MB). */
export const MAX_PATHS = 200_000;

/** Seed used when the caller does not give one; recorded in the output so any run can be repeated. */
export const DEFAULT_SEED = 20_260_101;

/** How far the weights may stray from summing to 1 before the input is rejected. */
export const WEIGHT_SUM_TOLERANCE = 1e-6;

/**
 * What to simulate: money in dollars (contribution and income in today's dollars), ages in whole years.
 * Weights are fractions of the simulated value by asset class and must sum to 1 even when `startValue` is
 * 0, because contributions are invested at the same weights; cash held in accounts counts as `cash`.
 */
export const RetirementInput = z
  .object({
    startValue: z.number().min(0),
    weights: z.partialRecord(AssetClassType, z.number().min(0).max(1)),
    currentAge: z.number().int().min(0),
    retirementAge: z.number().int().min(0),
    annualContribution: z.number().min(0),
    targetIncome: z.number().min(0),
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
  });
/** Input as callers write it (`paths` and `seed` optional). */
export type RetirementInput = z.input<typeof RetirementInput>;
/** Input after validation, with defaults filled in. */
export type ParsedRetirementInput = z.output<typeof RetirementInput>;

/** Validated input, or the list of problems found, each naming its field. */
export type ParseRetirementInputResult =
  | { ok: true; value: ParsedRetirementInput }
  | { ok: false; issues: string[] };

/** Validates the input against the schema and against the horizon `endAge` (the ages must come before it). */
export function parseRetirementInput(input: unknown, endAge: number): ParseRetirementInputResult {
  const parsed = RetirementInput.safeParse(input);
  if (!parsed.success) return { ok: false, issues: issueLines(parsed.error, { root: '(root)' }) };
  const { currentAge, retirementAge } = parsed.data;
  const issues: string[] = [];
  if (currentAge > endAge) issues.push(`currentAge: ${currentAge} is past the end age ${endAge}`);
  if (retirementAge > endAge) issues.push(`retirementAge: ${retirementAge} is past the end age ${endAge}`);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: parsed.data };
}
