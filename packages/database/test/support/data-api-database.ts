import { randomBytes } from 'node:crypto';
import { startDataApiServer } from '@alex/local-data-api';
import type { Logger } from 'drizzle-orm/logger';
import pg from 'pg';
import type { DatabaseHandle } from '../../src';
import { openDataApiDatabase } from '../../src/drivers/data-api';
import { waitForDisconnect } from './wait-for-disconnect';

/**
 * What the local Data API endpoint of this test project runs on: PGlite (one connection, transactions in turn)
 * or, in `database:data-api-postgres`, the test PostgreSQL server with a pooled connection per transaction.
 */
export const DATA_API_BACKEND: 'pglite' | 'postgres' =
  process.env.ALEX_TEST_DATA_API_BACKEND === 'postgres' ? 'postgres' : 'pglite';

// Enough for real concurrency in the claim races, few enough for every worker's files on one server.
const ENDPOINT_CONNECTIONS = 10;

/**
 * Creates a database on the test PostgreSQL server, starts the local Data API endpoint over it and migrates it
 * through the Data API driver; closing drops the database.
 */
export async function openDataApiOverPostgres(
  logger: Logger,
): Promise<{ handle: DatabaseHandle; close: () => Promise<void> }> {
  const serverUrl = process.env.ALEX_TEST_POSTGRES_URL;
  if (!serverUrl) throw new Error('ALEX_TEST_POSTGRES_URL is not set: run scripts/ci/start-postgres.sh');
  const name = `alex_dapi_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const server = await startDataApiServer({
    postgresUrl: url.toString(),
    maxConnections: ENDPOINT_CONNECTIONS,
  });
  const handle = await openDataApiDatabase({
    resourceArn: server.resourceArn,
    secretArn: server.secretArn,
    database: server.database,
    endpoint: server.endpoint,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    logger,
  });
  await handle.migrate();
  return {
    handle,
    close: async () => {
      await handle.close();
      await server.close();
      await waitForDisconnect(admin, name);
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
