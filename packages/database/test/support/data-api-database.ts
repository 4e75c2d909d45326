import { startDataApiServer } from '@alex/local-data-api';
import type { Logger } from 'drizzle-orm/logger';
import type { DatabaseHandle } from '../../src';
import { openDataApiDatabase } from '../../src/drivers/data-api';
import { createScratchDatabase } from '../../src/scratch';

/**
 * What the local Data API endpoint of this test project runs on: PGlite (one connection, transactions in turn)
 * or, in `database:data-api-postgres`, the test PostgreSQL server with a pooled connection per transaction.
 */
export const DATA_API_BACKEND: 'pglite' | 'postgres' =
  process.env.ALEX_TEST_DATA_API_BACKEND === 'postgres' ? 'postgres' : 'pglite';

// Enough for real concurrency in the claim races, few enough for every worker's files on one server.
const ENDPOINT_CONNECTIONS = 10;

/** The Data API driver on a local endpoint (test credentials: the endpoint does not check them). */
export function openOnEndpoint(
  server: Awaited<ReturnType<typeof startDataApiServer>>,
  logger: Logger,
): Promise<DatabaseHandle> {
  return openDataApiDatabase({
    resourceArn: server.resourceArn,
    secretArn: server.secretArn,
    database: server.database,
    endpoint: server.endpoint,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    logger,
  });
}

/**
 * Creates a database on the test PostgreSQL server, starts the local Data API endpoint over it and migrates it
 * through the Data API driver; closing drops the database.
 */
export async function openDataApiOverPostgres(
  serverUrl: string,
  logger: Logger,
): Promise<{ handle: DatabaseHandle; close: () => Promise<void> }> {
  const scratch = await createScratchDatabase(serverUrl, 'alex_dapi');
  const server = await startDataApiServer({ postgresUrl: scratch.url, maxConnections: ENDPOINT_CONNECTIONS });
  const handle = await openOnEndpoint(server, logger);
  await handle.migrate();
  return {
    handle,
    close: async () => {
      await handle.close();
      await server.close();
      await scratch.drop();
    },
  };
}
