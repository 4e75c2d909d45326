import {
  ExecuteStatementCommand,
  type ExecuteStatementCommandInput,
  type ExecuteStatementCommandOutput,
  RDSDataClient,
  type SqlParameter,
} from '@aws-sdk/client-rds-data';
import { PGlite } from '@electric-sql/pglite';
import { type DataApiServer, type DataApiServerOptions, startDataApiServer } from '../../src/index';

/** An in-memory PGlite behind a local Data API server, with a real RDSDataClient pointed at it. */
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
  stop(): Promise<void>;
}

/** Starts PGlite, the server and a client; one per test file, because PGlite takes seconds to start. */
export async function startLocalDataApi(
  options: Omit<DataApiServerOptions, 'db'> = {},
): Promise<LocalDataApi> {
  const db = new PGlite();
  const server = await startDataApiServer({ db, ...options });
  const client = new RDSDataClient({
    region: 'us-east-1',
    endpoint: server.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
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
    stop: async () => {
      client.destroy();
      await server.close();
      await db.close();
    },
  };
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
