import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import * as schema from '../schema';
import { type AlexDatabase, type DatabaseHandle, type DriverOptions, MIGRATIONS_FOLDER } from './alex-database';

/** Where the embedded database lives: a directory, or an already open PGlite instance (tests). */
export type PgliteSource = ({ dataDir: string | null } | { client: PGlite }) & DriverOptions;

/** Opens the embedded PGlite database (in memory when `dataDir` is null). */
export async function openPgliteDatabase(source: PgliteSource): Promise<DatabaseHandle> {
  const client =
    'client' in source ? source.client : await PGlite.create(source.dataDir ?? undefined);
  const db = drizzle(client, { schema, logger: source.logger ?? false }) as unknown as AlexDatabase;
  return {
    db,
    driver: 'pglite',
    migrate: () => migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.close(),
  };
}
