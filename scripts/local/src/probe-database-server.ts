import { processAlive } from '@alex/runtime';
import pg from 'pg';
import { readDatabaseServerState } from './database-server-state';

/** The URL clients use for a local database server on this port. */
function databaseServerUrl(port: number): string {
  return `postgresql://postgres@127.0.0.1:${port}/postgres`;
}

/** Whether a server answers `select 1` on this port within `timeoutMs`. */
async function probeDatabaseServer(port: number, timeoutMs: number): Promise<boolean> {
  const client = new pg.Client({
    connectionString: databaseServerUrl(port),
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The URL of the server published in the data directory, if its process lives and it answers. */
export async function liveDatabaseServer(dataDir: string, timeoutMs: number): Promise<string | null> {
  const state = readDatabaseServerState(dataDir);
  if (!state || !processAlive(state.pid)) return null;
  return (await probeDatabaseServer(state.port, timeoutMs)) ? databaseServerUrl(state.port) : null;
}
