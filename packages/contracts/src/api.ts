import { z } from 'zod';
import { AssetClassAllocation, RegionAllocation } from './allocation';
import { AnalysisOptions } from './analysis-plan';
import { CASH_INTEREST, MONEY, QUANTITY, storedDecimal, storedText, VARCHAR_LENGTH } from './column-limits';
import { TickerSymbol } from './portfolio-import';
import { AdvisoryFee, EndAge, OtherIncomeList, refuseImpossibleAges } from './retirement-plan';

/** Largest request body the HTTP API reads, in bytes. */
export const MAX_API_BODY_BYTES = 64 * 1024;

const Money = storedDecimal(MONEY, { min: 0 });
const Quantity = storedDecimal(QUANTITY, { min: 0, minExclusive: true });
const AccountName = storedText(VARCHAR_LENGTH.accountName, { minChars: 1 });
// A text column: the limit is ours, not the column's.
const AccountPurpose = storedText(2000);

/**
 * `PUT /api/user`: any subset of the profile; `null` clears a goal, the advisory fee or the end age, `[]`
 * clears other income. Targets, when given, sum to 100.
 */
export const UserUpdateRequest = z
  .strictObject({
    display_name: storedText(VARCHAR_LENGTH.displayName, { minChars: 1 }).optional(),
    years_until_retirement: z.number().int().min(0).max(100).nullable().optional(),
    target_retirement_income: Money.nullable().optional(),
    current_age: z.number().int().min(0).max(130).nullable().optional(),
    annual_contribution: Money.nullable().optional(),
    asset_class_targets: AssetClassAllocation.optional(),
    region_targets: RegionAllocation.optional(),
    other_income: OtherIncomeList.optional(),
    advisory_fee: AdvisoryFee.nullable().optional(),
    end_age: EndAge.nullable().optional(),
  })
  .superRefine(refuseImpossibleAges);
export type UserUpdateRequest = z.infer<typeof UserUpdateRequest>;

/** `POST /api/accounts`. */
export const AccountCreateRequest = z.strictObject({
  account_name: AccountName,
  account_purpose: AccountPurpose.nullable().optional(),
  cash_balance: Money.optional(),
  cash_interest: storedDecimal(CASH_INTEREST, { min: 0, max: 1 }).optional(),
});
export type AccountCreateRequest = z.infer<typeof AccountCreateRequest>;

/** `PUT /api/accounts/{id}`: any subset of the account's fields. */
export const AccountUpdateRequest = AccountCreateRequest.partial();
export type AccountUpdateRequest = z.infer<typeof AccountUpdateRequest>;

/** `POST /api/positions`: holds `quantity` of `symbol` in the caller's account (replacing a holding of it). */
export const PositionCreateRequest = z.strictObject({
  account_id: z.string(),
  symbol: TickerSymbol,
  quantity: Quantity,
  // PostgreSQL has no year 0000 (a 500 otherwise); no holding predates 1900.
  as_of_date: z.iso
    .date()
    .refine((date) => date >= '1900-01-01', 'must be 1900-01-01 or later')
    .optional(),
});
export type PositionCreateRequest = z.infer<typeof PositionCreateRequest>;

/** `PUT /api/positions/{id}`. */
export const PositionUpdateRequest = z.strictObject({ quantity: Quantity });
export type PositionUpdateRequest = z.infer<typeof PositionUpdateRequest>;

/** How deep `AnalyzeRequest.options` may nest: far deeper JSON overflows the stack of whatever walks it. */
export const MAX_OPTIONS_DEPTH = 8;

/**
 * Why a JSON value cannot go into a jsonb column and a queue message, or null: nested deeper than `levels`
 * (walked no further, so hostile input cannot overflow the stack here), or holding text PostgreSQL cannot
 * store (NUL, an unpaired surrogate) in a key or a string.
 */
function jsonbProblem(value: unknown, levels: number): string | null {
  if (typeof value === 'string') {
    return value.includes('\u0000') || /\p{Cs}/u.test(value)
      ? 'must not contain a NUL character or an unpaired surrogate'
      : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (levels === 0) return `must nest at most ${MAX_OPTIONS_DEPTH} levels deep`;
  for (const [key, item] of Object.entries(value)) {
    const problem = jsonbProblem(key, levels) ?? jsonbProblem(item, levels - 1);
    if (problem) return problem;
  }
  return null;
}

/** `POST /api/analyze`: the options are stored with the job and sent with its message, so they stay small. */
export const AnalyzeRequest = z.strictObject({
  analysis_type: storedText(50, { minChars: 1 }).default('portfolio'),
  options: z
    .record(z.string().max(100), z.unknown())
    .superRefine((options, ctx) => {
      // Checked before JSON.stringify, which itself overflows on a deep enough value.
      const problem = jsonbProblem(options, MAX_OPTIONS_DEPTH);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
      else if (JSON.stringify(options).length > 4096) {
        ctx.addIssue({ code: 'custom', message: 'must be at most 4096 characters as JSON' });
      } else {
        // The question is the one option the analysis reads: it must be text it can store and quote.
        const parsed = AnalysisOptions.safeParse(options);
        for (const issue of parsed.success ? [] : parsed.error.issues)
          ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      }
    })
    .default({}),
});
export type AnalyzeRequest = z.infer<typeof AnalyzeRequest>;

/** One problem with a request, as FastAPI reports it: where (`["body", "field"]`), what, and its kind. */
export const ValidationIssue = z.object({
  loc: z.array(z.union([z.string(), z.number()])),
  msg: z.string(),
  type: z.string(),
});
export type ValidationIssue = z.infer<typeof ValidationIssue>;

/** Every error response: a message, or the request's validation issues (422). */
export const ErrorResponse = z.object({ detail: z.union([z.string(), z.array(ValidationIssue)]) });
export type ErrorResponse = z.infer<typeof ErrorResponse>;
