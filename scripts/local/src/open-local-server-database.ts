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

/** Connects one idle client that keeps the server from idling out; null when the server is already gone. */
async function keepAliveClient(url: string): Promise<pg.Client | null> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  try {
    await client.connect();
    return client;
  } catch {
    await client.end().catch(() => {});
    return null;
  }
}

/**
 * Opens the embedded database in `dataDir` through its local database server, starting one when none
 * answers. Until the handle is closed it also holds one idle connection of its own: the server stops after
 * a while with no connections, and the pool alone may drop all of its connections during a long model call.
 * When that connection ends because the server went away (killed, crashed), a new server is started and the
 * pool's new connections go to it; a query in flight fails with a connection error, which callers that retry
 * transient errors (the planner and the local agents do) ride out.
 */
export async function openLocalServerDatabase(
  dataDir: string,
  options: EnsureDatabaseServerOptions = {},
): Promise<LocalServerDatabase> {
  let url = await ensureDatabaseServer(dataDir, options);
  let keepAlive = await keepAliveClient(url);
  // The server stopped, idle, between answering the probe and this connection: start another.
  for (let attempt = 2; keepAlive === null && attempt <= ATTEMPTS; attempt++) {
    url = await ensureDatabaseServer(dataDir, options);
    keepAlive = await keepAliveClient(url);
  }
  if (keepAlive === null) throw new Error(`the local database server for ${dataDir} keeps going away`);
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  let closed = false;
  const watch = (client: pg.Client) =>
    client.once('end', async () => {
      if (closed) return;
      // The server went away: start another and point the pool's next connections at it.
      url = await ensureDatabaseServer(dataDir, options).catch(() => url);
      pool.options.connectionString = url;
      const next = await keepAliveClient(url);
      if (next && !closed) {
        keepAlive = next;
        watch(next);
      } else await next?.end().catch(() => {});
    });
  watch(keepAlive);
  const handle = await openPostgresDatabase({ url, pool });
  return {
    port: Number(new URL(url).port),
    handle: {
      ...handle,
      // The data lives in PGlite whatever carries the SQL there; `db migrate --json` reports it as such.
      driver: 'pglite',
      close: async () => {
        closed = true;
        try {
          await handle.close();
        } finally {
          await keepAlive?.end().catch(() => {});
        }
      },
    },
  };
}
