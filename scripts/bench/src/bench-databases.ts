import { createRepositories, type Repositories, seedDatabase } from '@alex/database';
import { openPostgresDatabase } from '@alex/database/postgres';
import { createScratchDatabase } from '@alex/database/scratch';
import { openSeededDatabase } from '@alex/testing';

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

/** A throwaway database on the server at `serverUrl`, migrated and seeded, dropped on close. */
async function openPostgres(serverUrl: string): Promise<BenchDatabase> {
  const scratch = await createScratchDatabase(serverUrl, 'alex_bench');
  const handle = await openPostgresDatabase({ url: scratch.url, maxConnections: 30 });
  await handle.migrate();
  await seedDatabase(handle.db);
  return {
    label: `PostgreSQL (${new URL(serverUrl).host})`,
    repos: createRepositories(handle.db),
    close: async () => {
      await handle.close();
      await scratch.drop();
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
