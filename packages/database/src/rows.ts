import {
  AssetClassAllocation,
  Instrument,
  Job,
  RegionAllocation,
  SectorAllocation,
  User,
} from '@alex/contracts';
import { formatIssues } from '@alex/errors';
import { z } from 'zod';
import { InvalidRowError } from './errors';

const ZONE_SUFFIX = /(Z|[+-]\d{2}(:?\d{2})?)$/;
const HOUR_ONLY_OFFSET = /([+-]\d{2})$/;

/** Reads a timestamp whatever the driver returns; zone-less text (the Data API's form) is UTC. */
export const UtcTimestamp = z.union([z.date(), z.string()]).transform((value, ctx) => {
  if (value instanceof Date) return value;
  // Postgres writes "+00" where JavaScript wants "+00:00"; the Data API writes no zone at all (UTC).
  const iso = value.trim().replace(' ', 'T').replace(HOUR_ONLY_OFFSET, '$1:00');
  const date = new Date(ZONE_SUFFIX.test(iso) ? iso : `${iso}Z`);
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: 'custom', message: `not a timestamp: ${value}` });
    return z.NEVER;
  }
  return date;
});

/** Reads a `date` column as `YYYY-MM-DD`, whether the driver returns text or a Date (at UTC midnight). */
const DateOnly = z
  .union([z.date(), z.string()])
  .transform((value) => (value instanceof Date ? value.toISOString() : value).slice(0, 10))
  .pipe(z.iso.date());

/**
 * Reads a numeric column: drivers return numbers or decimal strings, which the Data API may write in exponent
 * notation (`1E+2`, `1E-7`, `0E-8`) as Java's BigDecimal does.
 */
export const Decimal = z
  .union([z.number(), z.string().regex(/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/)])
  .transform(Number);

const jsonMap = <T extends z.ZodType>(schema: T) => z.preprocess((value) => value ?? {}, schema);

// The row schemas are the contracts' schemas with each column's driver form: timestamps as text or Date,
// numerics as numbers or decimal text, allocation maps possibly null.
const timestamps = { createdAt: UtcTimestamp, updatedAt: UtcTimestamp };

/** Maps a `users` row to a User. */
export const UserRow = User.extend({
  ...timestamps,
  targetRetirementIncome: Decimal.nullable(),
  annualContribution: Decimal.nullable(),
  assetClassTargets: jsonMap(AssetClassAllocation),
  regionTargets: jsonMap(RegionAllocation),
  advisoryFee: Decimal.nullable(),
});

/** Maps an `instruments` row to an Instrument. */
export const InstrumentRow = Instrument.extend({
  updatedAt: UtcTimestamp,
  currentPrice: Decimal.nullable(),
  priceAsOf: DateOnly.nullable(),
  expenseRatio: Decimal.nullable(),
  allocationRegions: jsonMap(RegionAllocation),
  allocationSectors: jsonMap(SectorAllocation),
  allocationAssetClass: jsonMap(AssetClassAllocation),
});

/** Maps a `jobs` row to a Job. */
export const JobRow = Job.extend({
  ...timestamps,
  startedAt: UtcTimestamp.nullable(),
  claimedAt: UtcTimestamp.nullable(),
  leaseExpiresAt: UtcTimestamp.nullable(),
  completedAt: UtcTimestamp.nullable(),
});

/** Parses a database row with its schema, naming the table and fields when it does not match. */
export function parseRow<T extends z.ZodType>(schema: T, row: unknown, table: string): z.output<T> {
  const result = schema.safeParse(row);
  if (result.success) return result.data;
  throw new InvalidRowError(`A ${table} row does not match its schema: ${formatIssues(result.error)}`);
}
