import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A throwaway database on a PostgreSQL server: its connection URL, and how to drop it. */
export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates an empty database named `<prefix>_<random hex>` on the server at `serverUrl` (for tests and
 * benchmarks: nothing in a Lambda or the CLI creates databases). `drop()` waits for the database's sessions to
 * leave, then drops it.
 */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    await admin.end();
    throw error;
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await waitForDisconnect(admin, name);
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * Waits until no session is connected to database `name`. pool.end() resolves before its sockets have closed;
 * a forced drop that kills them mid-close makes pg-pool re-emit the termination as an 'error' nobody listens
 * to (an uncaught exception). Let them leave first.
 */
async function waitForDisconnect(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { rows } = await admin.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
      [name],
    );
    if (rows[0]?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
