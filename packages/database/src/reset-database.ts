import { sql } from 'drizzle-orm';
import type { AlexDatabase } from './drivers/alex-database';

// One statement per call: the Data API runs a single statement per request.
const DROP_STATEMENTS = [
  sql`DROP TABLE IF EXISTS market_notes, jobs, positions, accounts, instruments, users CASCADE`,
  sql`DROP FUNCTION IF EXISTS update_updated_at_column() CASCADE`,
  sql`DROP FUNCTION IF EXISTS alex_allocation_valid(jsonb) CASCADE`,
  sql`DROP TABLE IF EXISTS drizzle.__drizzle_migrations`,
];

/** Drops every table, function and migration record this package creates; migrate afterwards. */
export async function dropAlexSchema(db: AlexDatabase): Promise<void> {
  for (const statement of DROP_STATEMENTS) await db.execute(statement);
}

/** True when the migrations have created the tables this package needs. */
export async function isMigrated(db: AlexDatabase): Promise<boolean> {
  const result = await db.execute(sql`SELECT to_regclass('public.jobs')::text AS jobs`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    jobs: string | null;
  }[];
  return rows[0]?.jobs != null;
}
