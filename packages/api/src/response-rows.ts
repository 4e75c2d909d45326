import type {
  AccountResponse,
  Instrument,
  InstrumentResponse,
  Job,
  JobListItem,
  JobResponse,
  PositionResponse,
  User,
  UserResponse,
} from '@alex/contracts';
import type { AccountRecord, JobSummary, PositionRecord } from '@alex/database';

// Rows go out with the reference's snake_case column names (what its frontend reads); timestamps as ISO 8601
// UTC, money and quantities as numbers (the frontend coerces with Number either way).
function iso(date: Date): string;
function iso(date: Date | null): string | null;
function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

/** A `users` row. */
export function userRow(user: User): UserResponse {
  return {
    clerk_user_id: user.clerkUserId,
    display_name: user.displayName,
    years_until_retirement: user.yearsUntilRetirement,
    target_retirement_income: user.targetRetirementIncome,
    current_age: user.currentAge,
    annual_contribution: user.annualContribution,
    asset_class_targets: user.assetClassTargets,
    region_targets: user.regionTargets,
    targets_set: user.targetsSet,
    other_income: user.otherIncome,
    advisory_fee: user.advisoryFee,
    end_age: user.endAge,
    created_at: iso(user.createdAt),
    updated_at: iso(user.updatedAt),
  };
}

/** An `accounts` row. */
export function accountRow(account: AccountRecord): AccountResponse {
  return {
    id: account.id,
    clerk_user_id: account.clerkUserId,
    account_name: account.accountName,
    account_purpose: account.accountPurpose,
    cash_balance: account.cashBalance,
    cash_interest: account.cashInterest,
    created_at: iso(account.createdAt),
    updated_at: iso(account.updatedAt),
  };
}

/** An `instruments` row (`created_at` when the query read it). */
function instrumentRow(instrument: Instrument & { createdAt?: Date }): InstrumentResponse {
  return {
    symbol: instrument.symbol,
    name: instrument.name,
    instrument_type: instrument.instrumentType,
    current_price: instrument.currentPrice,
    expense_ratio: instrument.expenseRatio,
    allocation_regions: instrument.allocationRegions,
    allocation_sectors: instrument.allocationSectors,
    allocation_asset_class: instrument.allocationAssetClass,
    asset_class_allocation: instrument.allocationAssetClass,
    region_allocation: instrument.allocationRegions,
    sector_allocation: instrument.allocationSectors,
    ...(instrument.createdAt ? { created_at: iso(instrument.createdAt) } : {}),
    updated_at: iso(instrument.updatedAt),
  };
}

/** A `positions` row joined with its instrument, as `GET /api/accounts/{id}/positions` lists it. */
export function positionRow(position: PositionRecord): PositionResponse {
  return {
    id: position.id,
    account_id: position.accountId,
    symbol: position.symbol,
    quantity: position.quantity,
    as_of_date: position.asOfDate,
    created_at: iso(position.createdAt),
    updated_at: iso(position.updatedAt),
    instrument_name: position.instrument.name,
    instrument_type: position.instrument.instrumentType,
    current_price: position.instrument.currentPrice,
    instrument: instrumentRow(position.instrument),
  };
}

/** A job without its payloads, as `GET /api/jobs` lists it. */
export function jobSummaryRow(job: JobSummary): JobListItem {
  return {
    id: job.id,
    clerk_user_id: job.clerkUserId,
    job_type: job.jobType,
    status: job.status,
    error_message: job.errorMessage,
    created_at: iso(job.createdAt),
    started_at: iso(job.startedAt),
    completed_at: iso(job.completedAt),
    updated_at: iso(job.updatedAt),
  };
}

/**
 * Charts in display order: jsonb keeps no key order and the frontend draws `Object.entries` in turn, so the
 * keys are written sorted by each chart's `order` (charts without one keep their relative place, last).
 */
function orderedCharts(charts: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!charts) return null;
  const order = (chart: unknown) => {
    const value = (chart as { order?: unknown } | null)?.order;
    return typeof value === 'number' ? value : Number.POSITIVE_INFINITY;
  };
  return Object.fromEntries(Object.entries(charts).sort(([, a], [, b]) => order(a) - order(b)));
}

/** A whole `jobs` row, as `GET /api/jobs/{id}` returns it. */
export function jobRow(job: Job): JobResponse {
  return {
    ...jobSummaryRow(job),
    error: job.errorMessage,
    request_payload: job.requestPayload,
    report_payload: job.reportPayload,
    charts_payload: orderedCharts(job.chartsPayload),
    retirement_payload: job.retirementPayload,
    summary_payload: job.summaryPayload,
  };
}
