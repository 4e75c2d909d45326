import type { Logger } from 'drizzle-orm/logger';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from '../schema';

/** The drizzle database every repository runs on, whatever the driver underneath. */
export type AlexDatabase = PgDatabase<PgQueryResultHKT, typeof schema>;

/** The drivers `@alex/database` can run on. */
export type DriverName = 'pglite' | 'postgres' | 'data-api';

/** An open database: the drizzle handle, its driver, and how to migrate and close it. */
export interface DatabaseHandle {
  readonly db: AlexDatabase;
  readonly driver: DriverName;
  /** Applies the committed SQL migrations that have not run yet. */
  migrate(): Promise<void>;
  /** Releases connections; the handle is unusable afterwards. */
  close(): Promise<void>;
}

/** Options every driver accepts. */
export interface DriverOptions {
  /** Sees every query; tests use it to count round trips. */
  logger?: Logger;
}

/** Folder of the committed SQL migrations, shared by every driver's migrator. */
export const MIGRATIONS_FOLDER = new URL('../../migrations', import.meta.url).pathname;
