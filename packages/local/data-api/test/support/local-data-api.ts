import { openAsBlob } from 'node:fs';
import {
  ExecuteStatementCommand,
  type ExecuteStatementCommandInput,
  type ExecuteStatementCommandOutput,
  RDSDataClient,
  type SqlParameter,
} from '@aws-sdk/client-rds-data';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll } from 'vitest';
import { type DataApiServer, type DataApiServerOptions, startDataApiServer } from '../../src/index';

/** A local Data API server with a real RDSDataClient pointed at it. */
export interface LocalDataApi {
  db: PGlite;
  server: DataApiServer;
  client: RDSDataClient;
  /** The resourceArn/secretArn/database every request must carry. */
  target: { resourceArn: string; secretArn: string; database: string };
  execute(
    sql: string,
    parameters?: SqlParameter[],
    extra?: Partial<ExecuteStatementCommandInput>,
  ): Promise<ExecuteStatementCommandOutput>;
  /** Destroys the client and closes the server, and the PGlite too when this helper created it. */
  close(): Promise<void>;
}

/**
 * A fresh in-memory PGlite: loaded from the run's empty-cluster tarball when the global setup wrote one
 * (ALEX_TEST_PGLITE_EMPTY, see @alex/testing's pglite-templates; loading it takes ~0.4 s, creating ~3 s).
 * Read here rather than imported, so that this package does not depend on @alex/testing, which depends on
 * @alex/database, whose tests use this package.
 */
async function emptyCluster(): Promise<PGlite> {
  const tarball = process.env.ALEX_TEST_PGLITE_EMPTY;
  return PGlite.create(tarball ? { loadDataDir: await openAsBlob(tarball) } : {});
}

/** A real RDSDataClient for a local server: dummy credentials and no retries, so failures surface at once. */
function connectClient(server: DataApiServer): RDSDataClient {
  return new RDSDataClient({
    region: 'us-east-1',
    endpoint: server.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

/**
 * Starts a server and a client, over a new in-memory PGlite unless `db` is given; one per test file, because
 * PGlite takes seconds to start (a test needing other server options starts a second one on the same `db`).
 */
export async function startLocalDataApi(
  options: Omit<DataApiServerOptions, 'db' | 'postgresUrl'> & { db?: PGlite } = {},
): Promise<LocalDataApi> {
  const db = options.db ?? (await emptyCluster());
  const server = await startDataApiServer({ ...options, db });
  const client = connectClient(server);
  const target = { resourceArn: server.resourceArn, secretArn: server.secretArn, database: server.database };
  return {
    db,
    server,
    client,
    target,
    execute: (sql, parameters, extra) =>
      client.send(
        new ExecuteStatementCommand({ ...target, sql, ...(parameters ? { parameters } : {}), ...extra }),
      ),
    close: async () => {
      client.destroy();
      await server.close();
      if (!options.db) await db.close();
    },
  };
}

/** One local Data API for the calling file, with the tables `schemaSql` creates, closed after the file's tests. */
export function useLocalDataApi(schemaSql?: string): LocalDataApi {
  const api = {} as LocalDataApi;
  beforeAll(async () => {
    Object.assign(api, await startLocalDataApi());
    if (schemaSql) await api.db.exec(schemaSql);
  });
  afterAll(() => api.close());
  return api;
}

/** Awaits a promise that must reject and returns the error, so tests can assert its name and message. */
export async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('expected the call to fail, but it succeeded');
}
