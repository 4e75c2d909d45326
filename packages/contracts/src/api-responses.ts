import { z } from 'zod';
import { JsonObject } from './job';
import { OtherIncome } from './retirement-plan';

// The HTTP API's responses: the reference's rows with its snake_case column names (what its frontend reads),
// timestamps as ISO 8601 in UTC, money and quantities as numbers.
const Timestamp = z.iso.datetime({ offset: true });
const Percentages = z.record(z.string(), z.number());

/** A `users` row. */
export const UserResponse = z.object({
  clerk_user_id: z.string(),
  display_name: z.string().nullable(),
  years_until_retirement: z.number().int().nullable(),
  target_retirement_income: z.number().nullable(),
  current_age: z.number().int().nullable(),
  annual_contribution: z.number().nullable(),
  asset_class_targets: Percentages,
  region_targets: Percentages,
  /** Whether the person set the targets above (false: they are defaults). */
  targets_set: z.boolean(),
  other_income: z.array(OtherIncome),
  advisory_fee: z.number().nullable(),
  end_age: z.number().int().nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type UserResponse = z.infer<typeof UserResponse>;

/** `GET /api/user`: the caller, and whether this call created them. */
export const UserWithCreatedResponse = z.object({ user: UserResponse, created: z.boolean() });
export type UserWithCreatedResponse = z.infer<typeof UserWithCreatedResponse>;

/** An `accounts` row. */
export const AccountResponse = z.object({
  id: z.uuid(),
  clerk_user_id: z.string(),
  account_name: z.string(),
  account_purpose: z.string().nullable(),
  cash_balance: z.number(),
  cash_interest: z.number(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type AccountResponse = z.infer<typeof AccountResponse>;

/** `GET /api/instruments`: one instrument as the frontend's autocomplete reads it. */
export const InstrumentListItem = z.object({
  symbol: z.string(),
  name: z.string(),
  instrument_type: z.string().nullable(),
  current_price: z.number().nullable(),
  /** Net expense ratio as a fraction a year; null when unknown (not in the reference, its frontend ignores it). */
  expense_ratio: z.number().nullable(),
});
export type InstrumentListItem = z.infer<typeof InstrumentListItem>;

/**
 * An `instruments` row, with the allocation maps also under the names the reference's dashboard reads
 * (`asset_class_allocation`, ...), so its asset-class chart shows holdings, not only cash.
 */
export const InstrumentResponse = InstrumentListItem.extend({
  allocation_regions: Percentages,
  allocation_sectors: Percentages,
  allocation_asset_class: Percentages,
  asset_class_allocation: Percentages,
  region_allocation: Percentages,
  sector_allocation: Percentages,
  created_at: Timestamp.optional(),
  updated_at: Timestamp,
});
export type InstrumentResponse = z.infer<typeof InstrumentResponse>;

/** A `positions` row with its instrument's name, type and price, and the whole instrument. */
export const PositionResponse = z.object({
  id: z.uuid(),
  account_id: z.uuid(),
  symbol: z.string(),
  quantity: z.number(),
  as_of_date: z.iso.date(),
  created_at: Timestamp,
  updated_at: Timestamp,
  instrument_name: z.string(),
  instrument_type: z.string().nullable(),
  current_price: z.number().nullable(),
  instrument: InstrumentResponse,
});
export type PositionResponse = z.infer<typeof PositionResponse>;

/** `GET /api/accounts/{id}/positions`. */
export const PositionsResponse = z.object({ positions: z.array(PositionResponse) });
export type PositionsResponse = z.infer<typeof PositionsResponse>;

/** A job without its payloads, as `GET /api/jobs` lists it (a model-length report would overflow the list). */
export const JobListItem = z.object({
  id: z.uuid(),
  clerk_user_id: z.string(),
  job_type: z.string(),
  status: z.string(),
  error_message: z.string().nullable(),
  created_at: Timestamp,
  started_at: Timestamp.nullable(),
  completed_at: Timestamp.nullable(),
  updated_at: Timestamp,
});
export type JobListItem = z.infer<typeof JobListItem>;

/** `GET /api/jobs`: the caller's newest jobs first. */
export const JobsResponse = z.object({ jobs: z.array(JobListItem) });
export type JobsResponse = z.infer<typeof JobsResponse>;

/**
 * `GET /api/jobs/{id}`: the whole row, charts in display order, and `error` repeating `error_message` (the
 * reference's advisor page reads `error`).
 */
export const JobResponse = JobListItem.extend({
  error: z.string().nullable(),
  request_payload: JsonObject.nullable(),
  report_payload: JsonObject.nullable(),
  charts_payload: JsonObject.nullable(),
  retirement_payload: JsonObject.nullable(),
  summary_payload: JsonObject.nullable(),
});
export type JobResponse = z.infer<typeof JobResponse>;

/** `POST /api/analyze`: the job started, or the one already under way. */
export const AnalyzeResponse = z.object({ job_id: z.uuid(), message: z.string() });
export type AnalyzeResponse = z.infer<typeof AnalyzeResponse>;

/** A deletion's confirmation. */
export const MessageResponse = z.object({ message: z.string() });
export type MessageResponse = z.infer<typeof MessageResponse>;

/** `POST /api/populate-test-data`. */
export const PopulateTestDataResponse = z.object({
  message: z.string(),
  accounts_created: z.number().int(),
  accounts: z.array(AccountResponse.extend({ positions: z.array(PositionResponse) })),
});
export type PopulateTestDataResponse = z.infer<typeof PopulateTestDataResponse>;

/** `DELETE /api/reset-accounts`. */
export const ResetAccountsResponse = z.object({ message: z.string(), accounts_deleted: z.number().int() });
export type ResetAccountsResponse = z.infer<typeof ResetAccountsResponse>;
