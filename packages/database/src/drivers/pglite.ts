import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import * as schema from '../schema';
import {
  type AlexDatabase,
  type DatabaseHandle,
  type DriverOptions,
  MIGRATIONS_FOLDER,
} from './alex-database';

/** Where the embedded database lives: under an Alex data directory, in memory (null), or an open instance. */
export type PgliteSource = ({ dataDir: string | null } | { client: PGlite }) & DriverOptions;

/** The PGlite files live in `pgdata/` under the Alex data directory, beside other local state. */
function pgdataDir(dataDir: string | null): string | undefined {
  if (dataDir === null) return undefined;
  const dir = join(dataDir, 'pgdata');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Opens the embedded PGlite database (in memory when `dataDir` is null). */
export async function openPgliteDatabase(source: PgliteSource): Promise<DatabaseHandle> {
  const client = 'client' in source ? source.client : await PGlite.create(pgdataDir(source.dataDir));
  const db = drizzle(client, { schema, logger: source.logger ?? false }) as unknown as AlexDatabase;
  return {
    db,
    driver: 'pglite',
    migrate: () => migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.close(),
  };
}
