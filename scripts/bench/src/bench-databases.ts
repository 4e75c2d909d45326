import { randomBytes } from 'node:crypto';
import { createRepositories, type Repositories, seedDatabase } from '@alex/database';
import { openPostgresDatabase } from '@alex/database/postgres';
import { openSeededDatabase } from '@alex/testing';
import pg from 'pg';

/** A seeded database (22 instruments, test_user_001) a benchmark may write to, and how to dispose of it. */
export interface BenchDatabase {
  label: string;
  repos: Repositories;
  close(): Promise<void>;
}

async function openPglite(): Promise<BenchDatabase> {
  const database = await openSeededDatabase();
  return { label: 'PGlite (embedded default)', repos: database.repos, close: database.close };
}

// pool.end() resolves before its sockets have closed; dropping the database under them would make pg-pool
// emit an 'error' nobody listens to. Let them leave first.
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

/** A throwaway database on the server at `serverUrl`, migrated and seeded, dropped on close. */
async function openPostgres(serverUrl: string): Promise<BenchDatabase> {
  const name = `alex_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgresDatabase({ url: url.toString(), maxConnections: 30 });
  await handle.migrate();
  await seedDatabase(handle.db);
  return {
    label: `PostgreSQL (${url.host})`,
    repos: createRepositories(handle.db),
    close: async () => {
      await handle.close();
      await waitForDisconnect(admin, name);
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * Runs `body` on a fresh embedded database, then on a throwaway database on the PostgreSQL server named by
 * ALEX_TEST_POSTGRES_URL or DATABASE_URL (a printed line says so when neither is set).
 */
export async function onEachDatabase(
  log: (line: string) => void,
  body: (database: BenchDatabase) => Promise<void>,
): Promise<void> {
  const serverUrl = process.env.ALEX_TEST_POSTGRES_URL ?? process.env.DATABASE_URL;
  const openers = [openPglite, ...(serverUrl ? [() => openPostgres(serverUrl)] : [])];
  for (const open of openers) {
    const database = await open();
    try {
      await body(database);
    } finally {
      await database.close();
    }
  }
  if (!serverUrl) log('  PostgreSQL: skipped (set ALEX_TEST_POSTGRES_URL or DATABASE_URL)');
}
