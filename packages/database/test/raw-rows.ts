import type { SQL } from 'drizzle-orm';
import type { AlexDatabase } from '../src';

/** Runs raw SQL and returns its rows: every driver's result has `rows`, but the shared drizzle type is unknown. */
export async function rawRows<T = Record<string, unknown>>(db: AlexDatabase, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as { rows: T[] };
  return result.rows;
}
