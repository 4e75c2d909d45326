import {
  CASH_INTEREST,
  FEE_RATE,
  MAX_ADVISORY_FEE,
  MAX_EXPENSE_RATIO,
  MAX_OTHER_INCOME_ENTRIES,
  MAX_PLAN_AGE,
  MONEY,
  type OtherIncome,
  PRICE,
  QUANTITY,
  VARCHAR_LENGTH,
} from '@alex/contracts';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

// Timestamps are read as strings and normalised to UTC by the row schemas: drivers disagree on zones
// (the Data API returns zone-less UTC text, which drizzle would parse in local time).
const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
// numeric read and written as a JS number. Not drizzle's `numeric({ mode: 'number' })`: that sends the value as
// an untyped string, which the Data API binds as varchar ("column is of type numeric but expression is of type
// character varying"); the explicit cast works on every driver.
const decimal = customType<{
  data: number;
  driverData: string;
  config: { precision: number; scale: number };
}>({
  dataType: (config) => (config ? `numeric(${config.precision}, ${config.scale})` : 'numeric'),
  toDriver: (value) => sql`${String(value)}::numeric`,
  fromDriver: (value) => Number(value),
});
// Column shapes come from the contracts, whose import schemas refuse any value these columns cannot hold.
const money = (name: string) => decimal(name, MONEY);

/** Profile and retirement goals of a Clerk user. */
export const users = pgTable(
  'users',
  {
    clerkUserId: varchar('clerk_user_id', { length: VARCHAR_LENGTH.clerkUserId }).primaryKey(),
    displayName: varchar('display_name', { length: VARCHAR_LENGTH.displayName }),
    yearsUntilRetirement: integer('years_until_retirement'),
    targetRetirementIncome: money('target_retirement_income'),
    currentAge: integer('current_age'),
    annualContribution: money('annual_contribution'),
    assetClassTargets: jsonb('asset_class_targets').default({ equity: 70, fixed_income: 30 }),
    regionTargets: jsonb('region_targets').default({ north_america: 50, international: 50 }),
    /** True once the person wrote either target map; until then the two maps above are defaults, not theirs. */
    targetsSet: boolean('targets_set').notNull().default(false),
    /** Social Security, pensions, annuities (contracts' OtherIncome items, snake_case keys); `[]` for none. */
    otherIncome: jsonb('other_income').$type<OtherIncome[]>().notNull().default([]),
    /** Fraction of assets a year paid to an adviser; null for none. */
    advisoryFee: decimal('advisory_fee', FEE_RATE),
    /** The last age the plan covers; null for the default (95). */
    endAge: integer('end_age'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('users_years_until_retirement_range', sql`${t.yearsUntilRetirement} BETWEEN 0 AND 100`),
    check('users_target_income_non_negative', sql`${t.targetRetirementIncome} >= 0`),
    check('users_current_age_range', sql`${t.currentAge} BETWEEN 0 AND 130`),
    check('users_annual_contribution_non_negative', sql`${t.annualContribution} >= 0`),
    check('users_asset_class_targets_sum', sql`alex_allocation_valid(${t.assetClassTargets})`),
    check('users_region_targets_sum', sql`alex_allocation_valid(${t.regionTargets})`),
    check(
      'users_other_income_list',
      sql`CASE WHEN jsonb_typeof(${t.otherIncome}) = 'array' THEN jsonb_array_length(${t.otherIncome}) <= ${sql.raw(String(MAX_OTHER_INCOME_ENTRIES))} ELSE false END`,
    ),
    check(
      'users_advisory_fee_range',
      sql`${t.advisoryFee} BETWEEN 0 AND ${sql.raw(String(MAX_ADVISORY_FEE))}`,
    ),
    check('users_end_age_range', sql`${t.endAge} BETWEEN 1 AND ${sql.raw(String(MAX_PLAN_AGE))}`),
    // NULL on either side passes: the rule binds only when both ages are known.
    check('users_end_age_after_current_age', sql`${t.endAge} > ${t.currentAge}`),
  ],
);

/** Global reference data for a tradable symbol, shared by every user. */
export const instruments = pgTable(
  'instruments',
  {
    symbol: varchar('symbol', { length: VARCHAR_LENGTH.symbol }).primaryKey(),
    name: varchar('name', { length: VARCHAR_LENGTH.instrumentName }).notNull(),
    instrumentType: varchar('instrument_type', { length: VARCHAR_LENGTH.instrumentType }),
    currentPrice: decimal('current_price', PRICE),
    /** The US trading date the current price is from; null when unknown (written before dates were kept). */
    priceAsOf: date('price_as_of', { mode: 'string' }),
    allocationRegions: jsonb('allocation_regions').default({}),
    allocationSectors: jsonb('allocation_sectors').default({}),
    allocationAssetClass: jsonb('allocation_asset_class').default({}),
    /** Net expense ratio, a fraction of assets a year (0.000945 = 0.0945%); null when unknown. */
    expenseRatio: decimal('expense_ratio', FEE_RATE),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('instruments_price_non_negative', sql`${t.currentPrice} >= 0`),
    check('instruments_regions_sum', sql`alex_allocation_valid(${t.allocationRegions})`),
    check('instruments_sectors_sum', sql`alex_allocation_valid(${t.allocationSectors})`),
    check('instruments_asset_class_sum', sql`alex_allocation_valid(${t.allocationAssetClass})`),
    check(
      'instruments_expense_ratio_range',
      sql`${t.expenseRatio} BETWEEN 0 AND ${sql.raw(String(MAX_EXPENSE_RATIO))}`,
    ),
  ],
);

/** A brokerage or retirement account owned by a user. */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clerkUserId: varchar('clerk_user_id', { length: VARCHAR_LENGTH.clerkUserId })
      .notNull()
      .references(() => users.clerkUserId, { onDelete: 'cascade' }),
    accountName: varchar('account_name', { length: VARCHAR_LENGTH.accountName }).notNull(),
    accountPurpose: text('account_purpose'),
    cashBalance: money('cash_balance').notNull().default(0),
    cashInterest: decimal('cash_interest', CASH_INTEREST).notNull().default(0),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('idx_accounts_user').on(t.clerkUserId),
    check('accounts_cash_non_negative', sql`${t.cashBalance} >= 0`),
    check('accounts_cash_interest_range', sql`${t.cashInterest} BETWEEN 0 AND 1`),
  ],
);

/** A holding of one instrument in one account. */
export const positions = pgTable(
  'positions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    symbol: varchar('symbol', { length: VARCHAR_LENGTH.symbol })
      .notNull()
      .references(() => instruments.symbol),
    quantity: decimal('quantity', QUANTITY).notNull(),
    asOfDate: date('as_of_date', { mode: 'string' }).notNull().default(sql`CURRENT_DATE`),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('positions_account_id_symbol_key').on(t.accountId, t.symbol),
    index('idx_positions_account').on(t.accountId),
    index('idx_positions_symbol').on(t.symbol),
    check('positions_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

/** One analysis request and the payloads the agents write into it. */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clerkUserId: varchar('clerk_user_id', { length: 255 })
      .notNull()
      .references(() => users.clerkUserId, { onDelete: 'cascade' }),
    jobType: varchar('job_type', { length: 50 }).notNull(),
    status: varchar('status', { length: 20 }).notNull().default('pending'),
    requestPayload: jsonb('request_payload'),
    reportPayload: jsonb('report_payload'),
    chartsPayload: jsonb('charts_payload'),
    retirementPayload: jsonb('retirement_payload'),
    summaryPayload: jsonb('summary_payload'),
    errorMessage: text('error_message'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    startedAt: timestamptz('started_at'),
    claimedAt: timestamptz('claimed_at'),
    /** Until when the current claim holds; its owner's heartbeat extends it. */
    leaseExpiresAt: timestamptz('lease_expires_at'),
    /** Who holds the claim (`lambda:<request id>`, `local:<host>:<pid>`). */
    claimedBy: varchar('claimed_by', { length: 200 }),
    completedAt: timestamptz('completed_at'),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('idx_jobs_user').on(t.clerkUserId),
    index('idx_jobs_status').on(t.status),
    check('jobs_status_valid', sql`${t.status} IN ('pending', 'running', 'completed', 'failed')`),
    check('jobs_attempts_non_negative', sql`${t.attempts} >= 0`),
  ],
);

/** Local market knowledge the reporter retrieves (AWS uses S3 Vectors instead). */
export const marketNotes = pgTable(
  'market_notes',
  {
    id: varchar('id', { length: 100 }).primaryKey(),
    title: varchar('title', { length: 255 }).notNull(),
    tags: text('tags').notNull(),
    body: text('body').notNull(),
    source: varchar('source', { length: 255 }).notNull(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('idx_market_notes_search').using(
      'gin',
      sql`to_tsvector('english', ${t.title} || ' ' || ${t.tags} || ' ' || ${t.body})`,
    ),
  ],
);
