import pg from 'pg';
import type { BoundStatement, DataApiBackend, ReservedSession, SqlSession, StatementResult } from './backend';
import { isConnectionFailure } from './errors';

const keepText = (value: string) => value;

/**
 * node-postgres reads `types` both as the Parse message's parameter type OIDs and as the result's type
 * parsers, so one array carries the parameter types and a parser that keeps every value in text form.
 */
function parameterTypes(types: number[]): number[] & { getTypeParser: () => typeof keepText } {
  return Object.assign([...types], { getTypeParser: () => keepText });
}

async function runOn(client: pg.PoolClient, statement: BoundStatement): Promise<StatementResult> {
  const result = await client.query<Array<string | null>>({
    text: statement.sql,
    values: statement.values,
    rowMode: 'array',
    // The extended protocol even without parameters, as the service's JDBC driver uses it.
    queryMode: 'extended',
    types: parameterTypes(statement.types) as unknown as pg.CustomTypesConfig,
  } as pg.QueryArrayConfig);
  return {
    command: result.command ?? '',
    affectedRows: result.rowCount ?? 0,
    fields: result.fields.map((field) => ({ name: field.name, dataTypeID: field.dataTypeID })),
    rows: result.rows,
  };
}

function sessionOf(client: pg.PoolClient): SqlSession {
  return { run: (statement) => runOn(client, statement) };
}

/** Options of the PostgreSQL backend. */
interface PostgresBackendOptions {
  url: string;
  /** Connections in the pool; a transaction holds one from BeginTransaction until it ends. Default 20. */
  maxConnections?: number;
}

/**
 * Runs the endpoint on a PostgreSQL server: each transaction gets a pooled connection of its own, and every
 * autocommit statement takes whichever pooled connection is free, as the service does.
 */
export async function postgresBackend(options: PostgresBackendOptions): Promise<DataApiBackend> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 20,
    // The service's sessions run in UTC whatever the cluster's default.
    options: '-c TimeZone=UTC',
    application_name: 'alex-local-data-api',
  });
  // A pooled connection the server drops while idle must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  // Fail at start, not on the first request, when the server cannot be reached.
  (await pool.connect()).release();
  return {
    autocommit: async (work) => {
      const client = await pool.connect();
      let broken = false;
      try {
        return await work(sessionOf(client));
      } catch (error) {
        broken = isConnectionFailure(error);
        throw error;
      } finally {
        client.release(broken);
      }
    },
    reserve: async (): Promise<ReservedSession> => {
      const client = await pool.connect();
      return { ...sessionOf(client), release: (broken = false) => client.release(broken) };
    },
    concurrencyWindowMs: 0,
    close: () => pool.end(),
  };
}
