import {
  DEFAULT_CONFIDENCE,
  MAX_PATHS,
  type RetirementInput,
  SimulationMethod,
  SPENDING_STRATEGIES,
} from '@alex/analytics';
import { z } from 'zod';
import { UsageError } from './errors';

const wholeNumber = (max: number) =>
  z
    .string()
    .regex(/^\d{1,15}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().max(max, `must be at most ${max.toLocaleString('en-US')}`));

/** Seeds are unsigned 32-bit integers. */
const MAX_SEED = 0xffff_ffff;

const dollars = z
  .string()
  .regex(/^\d+(\.\d{1,2})?$/, 'must be dollars, e.g. 40000 or 40000.50')
  .transform(Number)
  .pipe(z.number().max(10_000_000, 'must be at most 10,000,000'));

const oneOf = (options: readonly string[]) => ({ error: `must be one of ${options.join(', ')}` });

const SOLVE_FLAGS = ['income', 'contribution', 'retirement-age'] as const;

/** What `alex simulate` accepts; every flag is optional and overrides the stored plan for this run only. */
const SimulateFlags = z.object({
  user: z.string().min(1).optional(),
  paths: wholeNumber(MAX_PATHS).pipe(z.number().min(1, 'must be at least 1')).optional(),
  seed: wholeNumber(MAX_SEED).optional(),
  income: dollars.optional(),
  contribution: dollars.optional(),
  'retire-at': wholeNumber(120).optional(),
  strategy: z.enum(SPENDING_STRATEGIES, oneOf(SPENDING_STRATEGIES)).optional(),
  method: z.enum(SimulationMethod.options, oneOf(SimulationMethod.options)).optional(),
  solve: z
    .enum(SOLVE_FLAGS, oneOf(SOLVE_FLAGS))
    .transform((target) => (target === 'retirement-age' ? ('retirement_age' as const) : target))
    .optional(),
  confidence: z
    .string()
    .regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'must be a fraction between 0 and 1, e.g. 0.9')
    .transform(Number)
    .pipe(z.number().gt(0, 'must be above 0'))
    .default(DEFAULT_CONFIDENCE),
  json: z.boolean().optional(),
});
export type SimulateFlags = z.output<typeof SimulateFlags>;

/** Parses `alex simulate`'s flags, or throws a UsageError naming every bad one. */
export function parseSimulateFlags(flags: Record<string, unknown>): SimulateFlags {
  const parsed = SimulateFlags.safeParse(flags);
  if (!parsed.success)
    throw new UsageError(
      parsed.error.issues.map((issue) => `--${issue.path.join('.')} ${issue.message}`).join('; '),
    );
  if (parsed.data.solve && parsed.data.strategy)
    throw new UsageError(
      '--solve answers for constant real spending (the income you can count on): drop --strategy',
    );
  return parsed.data;
}

/** The stored plan with this run's overrides. */
export function withOverrides(input: RetirementInput, flags: SimulateFlags): RetirementInput {
  return {
    ...input,
    ...(flags.paths !== undefined ? { paths: flags.paths } : {}),
    ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
    ...(flags.income !== undefined ? { targetIncome: flags.income } : {}),
    ...(flags.contribution !== undefined ? { annualContribution: flags.contribution } : {}),
    ...(flags['retire-at'] !== undefined ? { retirementAge: flags['retire-at'] } : {}),
    ...(flags.strategy !== undefined ? { strategy: { kind: flags.strategy } } : {}),
    ...(flags.method !== undefined ? { method: flags.method } : {}),
  } as RetirementInput;
}
