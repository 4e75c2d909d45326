import { z } from 'zod';
import { type DecimalShape, MONEY, storedDecimal, storedText } from './column-limits';
import { PROJECTION_END_AGE } from './payloads';

/** `instruments.expense_ratio` and `users.advisory_fee`, fractions per year (0.000945 = 0.0945%): numeric(7, 6). */
export const FEE_RATE = { precision: 7, scale: 6 } as const satisfies DecimalShape;

/** Highest expense ratio stored (10% a year): anything above is a typo for a percentage. */
export const MAX_EXPENSE_RATIO = 0.1;

/** Highest advisory fee stored (5% a year). */
export const MAX_ADVISORY_FEE = 0.05;

/** Most other-income entries one user may have. */
export const MAX_OTHER_INCOME_ENTRIES = 10;

/** Longest name of an other-income entry, in characters. */
export const OTHER_INCOME_NAME_LENGTH = 100;

/** Largest annual amount of one other-income entry, in today's dollars. */
export const MAX_OTHER_INCOME_AMOUNT = 10_000_000;

/** Oldest age a plan can name (an income's ages, `users.end_age`). */
export const MAX_PLAN_AGE = 120;

/** The age a plan runs to when `users.end_age` is null. */
export const DEFAULT_END_AGE = PROJECTION_END_AGE;

/** An instrument's net expense ratio as written to `instruments.expense_ratio`. */
export const ExpenseRatio = storedDecimal(FEE_RATE, { min: 0, max: MAX_EXPENSE_RATIO });

/** A user's advisory fee as written to `users.advisory_fee`. */
export const AdvisoryFee = storedDecimal(FEE_RATE, { min: 0, max: MAX_ADVISORY_FEE });

/** The last age a plan covers, as written to `users.end_age`. */
export const EndAge = z.number().int().min(1).max(MAX_PLAN_AGE);

const PlanAge = z.number().int().min(0).max(MAX_PLAN_AGE);

/**
 * Income besides the portfolio (Social Security, a pension, an annuity), in today's dollars, paid from
 * `start_age` through `end_age` inclusive (for life when absent). Keys stay snake_case as stored in
 * `users.other_income`. `name` is the user's own text: quote it with `quoteUntrusted` before it goes into a
 * prompt or a one-line report cell.
 */
export const OtherIncome = z
  .strictObject({
    name: storedText(OTHER_INCOME_NAME_LENGTH, { minChars: 1 }),
    annual_amount: storedDecimal(MONEY, { min: 0, max: MAX_OTHER_INCOME_AMOUNT }),
    start_age: PlanAge,
    end_age: PlanAge.optional(),
    /** True when the amount rises with inflation (most Social Security and some pensions). */
    inflation_adjusted: z.boolean().default(true),
  })
  .superRefine((income, ctx) => {
    if (income.end_age !== undefined && income.end_age < income.start_age) {
      ctx.addIssue({
        code: 'custom',
        path: ['end_age'],
        message: `must be at least start_age (${income.start_age}): end_age is the last age paid`,
      });
    }
  });
export type OtherIncome = z.infer<typeof OtherIncome>;

/** A user's whole list of other income, as stored in `users.other_income` (`[]` for none). */
export const OtherIncomeList = z.array(OtherIncome).max(MAX_OTHER_INCOME_ENTRIES);
export type OtherIncomeList = z.infer<typeof OtherIncomeList>;

/**
 * Refuses ages a profile cannot have together, when both sides are given: retiring past the age projections
 * run to, and a plan that ends at or before the person's current age (the API also checks a partial update
 * against the stored profile).
 */
export function refuseImpossibleAges(
  user: {
    current_age?: number | null | undefined;
    years_until_retirement?: number | null | undefined;
    end_age?: number | null | undefined;
  },
  ctx: z.RefinementCtx,
): void {
  const { current_age: age, years_until_retirement: years, end_age: end } = user;
  if (typeof age !== 'number') return;
  if (typeof years === 'number' && age + years > PROJECTION_END_AGE) {
    const message = `retiring at ${age + years} is past ${PROJECTION_END_AGE}, the age projections run to`;
    ctx.addIssue({ code: 'custom', path: ['years_until_retirement'], message });
  }
  if (typeof end === 'number' && end <= age) {
    ctx.addIssue({ code: 'custom', path: ['end_age'], message: endAgeMessage(end, age) });
  }
}

/** Why an end age of `endAge` cannot go with a current age of `currentAge`. */
export function endAgeMessage(endAge: number, currentAge: number): string {
  return `end_age (${endAge}) must be above current_age (${currentAge}): the plan has to end after today`;
}
