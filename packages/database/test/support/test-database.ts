import { openAsBlob } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm/logger';
import type { DatabaseHandle, DriverName } from '../../src';
import { openPgliteDatabase } from '../../src/drivers/pglite';
import { openPostgresDatabase } from '../../src/drivers/postgres';
import { createScratchDatabase, reusablePglite } from '../../src/scratch';
import { DATA_API_BACKEND, openDataApiOverPostgres, openOnEndpoint } from './data-api-database';

/** A migrated, empty database on the driver this test project runs, and how to dispose of it. */
export interface TestDatabase {
  handle: DatabaseHandle;
  driver: DriverName;
  /** Counts the statements sent since the last reset. */
  queries: { count: number; reset(): void };
  close(): Promise<void>;
}

/** The driver this vitest project exercises (set per project in vitest.config.ts). */
export const TEST_DRIVER = (process.env.ALEX_TEST_DRIVER ?? 'pglite') as DriverName;

/** The PostgreSQL server URL for the postgres project (started by scripts/ci/start-postgres.sh). */
const TEST_POSTGRES_URL = process.env.ALEX_TEST_POSTGRES_URL;

let template: Promise<PGlite> | undefined;

// Creating and migrating PGlite takes ~3 s. The run's global setup (packages/testing/src/pglite-templates-setup.ts)
// does it once and names the tarball in ALEX_TEST_PGLITE_MIGRATED; loading that takes ~0.4 s. Without it, migrate
// once per file and clone the result.
async function migratedPglite(): Promise<PGlite> {
  const tarball = process.env.ALEX_TEST_PGLITE_MIGRATED;
  if (tarball) return PGlite.create({ loadDataDir: await openAsBlob(tarball) });
  template ??= (async () => {
    const client = await PGlite.create();
    await (await openPgliteDatabase({ client })).migrate();
    return client;
  })();
  // clone() is typed as the interface; it returns a full PGlite instance.
  return (await (await template).clone()) as PGlite;
}

// A file's database, once closed, is emptied and lent to the next file this worker runs.
const migrated = reusablePglite(migratedPglite);

function queryCounter(): { logger: Logger; queries: TestDatabase['queries'] } {
  const queries = {
    count: 0,
    reset() {
      queries.count = 0;
    },
  };
  return { logger: { logQuery: () => void queries.count++ }, queries };
}

/** The test PostgreSQL server (started by scripts/ci/start-postgres.sh). */
function testServerUrl(): string {
  if (!TEST_POSTGRES_URL)
    throw new Error('ALEX_TEST_POSTGRES_URL is not set: run scripts/ci/start-postgres.sh');
  return TEST_POSTGRES_URL;
}

/** Opens a fresh migrated database on this project's driver. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const { logger, queries } = queryCounter();
  if (TEST_DRIVER === 'postgres') {
    const scratch = await createScratchDatabase(testServerUrl(), 'alex_test');
    const handle = await openPostgresDatabase({ url: scratch.url, maxConnections: 30, logger });
    await handle.migrate();
    const close = async () => {
      await handle.close();
      await scratch.drop();
    };
    return { handle, driver: TEST_DRIVER, queries, close };
  }
  if (TEST_DRIVER === 'data-api' && DATA_API_BACKEND === 'postgres') {
    const { handle, close } = await openDataApiOverPostgres(testServerUrl(), logger);
    return { handle, driver: TEST_DRIVER, queries, close };
  }
  const { client, release } = await migrated.take();
  if (TEST_DRIVER === 'pglite') {
    const handle = { ...(await openPgliteDatabase({ client, logger })), close: release };
    return { handle, driver: TEST_DRIVER, queries, close: release };
  }
  const { startDataApiServer } = await import('@alex/local-data-api');
  const server = await startDataApiServer({ db: client });
  const handle = await openOnEndpoint(server, logger);
  return {
    handle,
    driver: TEST_DRIVER,
    queries,
    close: async () => {
      await handle.close();
      await server.close();
      await release();
    },
  };
}
