import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from '../schema';
import {
  type AlexDatabase,
  type DatabaseHandle,
  type DriverOptions,
  MIGRATIONS_FOLDER,
} from './alex-database';

/** Options for a PostgreSQL server reached over TCP. */
export interface PostgresOptions extends DriverOptions {
  url: string;
  maxConnections?: number;
  /** A pool the caller manages (e.g. one it re-points at a restarted server); `url` is then only a label. */
  pool?: pg.Pool;
}

/** Opens a pooled connection to a PostgreSQL server given by URL. */
export async function openPostgresDatabase(options: PostgresOptions): Promise<DatabaseHandle> {
  const pool =
    options.pool ?? new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10 });
  // An idle client the server drops emits 'error' on the pool; unhandled, it would crash the process.
  // The next query gets a fresh connection, so the event only needs to be observed.
  pool.on('error', () => {});
  const client = drizzle(pool, { schema, logger: options.logger ?? false });
  return {
    db: client as unknown as AlexDatabase,
    driver: 'postgres',
    migrate: () => migrate(client, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => pool.end(),
  };
}
