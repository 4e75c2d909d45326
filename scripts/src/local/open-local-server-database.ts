import type { DatabaseHandle } from '@alex/database';
import { openPostgresDatabase } from '@alex/database/postgres';
import pg from 'pg';
import { type EnsureDatabaseServerOptions, ensureDatabaseServer } from './ensure-database-server';

const ATTEMPTS = 3;

/** The embedded database reached through its local server, and the server's port. */
export interface LocalServerDatabase {
  handle: DatabaseHandle;
  port: number;
}

/**
 * Opens the embedded database in `dataDir` through its local database server, starting one when none
 * answers. Until the handle is closed it also holds one idle connection of its own: the server stops after
 * a while with no connections, and the pool alone may drop all of its connections during a long model call.
 */
export async function openLocalServerDatabase(
  dataDir: string,
  options: EnsureDatabaseServerOptions = {},
): Promise<LocalServerDatabase> {
  for (let attempt = 1; ; attempt++) {
    const url = await ensureDatabaseServer(dataDir, options);
    const keepAlive = new pg.Client({ connectionString: url });
    // A server that goes away fails the next query with a clear error; this idle client need not.
    keepAlive.on('error', () => {});
    try {
      await keepAlive.connect();
    } catch (error) {
      // The server stopped, idle, between answering the probe and this connection: start another.
      await keepAlive.end().catch(() => {});
      if (attempt >= ATTEMPTS) throw error;
      continue;
    }
    const handle = await openPostgresDatabase({ url, maxConnections: 5 });
    return {
      port: Number(new URL(url).port),
      handle: {
        ...handle,
        // The data lives in PGlite whatever carries the SQL there; `db migrate --json` reports it as such.
        driver: 'pglite',
        close: async () => {
          try {
            await handle.close();
          } finally {
            await keepAlive.end().catch(() => {});
          }
        },
      },
    };
  }
}
