import type { PGlite, Results } from '@electric-sql/pglite';
import type { BoundStatement, DataApiBackend, SqlSession, StatementResult } from './backend';
import { ConnectionLock } from './connection-lock';

type Parser = (value: string) => string;

const keepText = (value: unknown) => value as string;

function toStatementResult(result: Results<unknown[]>): StatementResult {
  return {
    command: (result as { command?: string }).command ?? '',
    affectedRows: result.affectedRows ?? 0,
    fields: result.fields.map((field) => ({ name: field.name, dataTypeID: field.dataTypeID })),
    rows: result.rows as Array<Array<string | null>>,
  };
}

/**
 * Runs the endpoint on one PGlite, whose single connection a first-come, first-served lock hands out:
 * an autocommit statement holds it for one statement, a transaction from BeginTransaction until it ends.
 */
export async function pgliteBackend(db: PGlite): Promise<DataApiBackend> {
  await db.waitReady;
  // Every type PGlite knows is read as text; types created later have no PGlite parser and stay text anyway.
  const { rows } = await db.query<{ oid: number }>('SELECT oid::int4 AS oid FROM pg_type');
  const identity: Parser = (value) => value;
  const parsers: Record<number, Parser> = Object.fromEntries(rows.map((row) => [row.oid, identity]));
  const lock = new ConnectionLock();
  const session: SqlSession = {
    run: async (statement: BoundStatement) =>
      toStatementResult(
        await db.query<unknown[]>(statement.sql, statement.values, {
          rowMode: 'array',
          paramTypes: statement.types,
          parsers,
          // Values are already in Postgres text form, so PGlite must pass them through untouched.
          serializers: Object.fromEntries(statement.types.map((type) => [type, keepText])),
        }),
      ),
  };
  return {
    autocommit: (work) => lock.run(() => work(session)),
    reserve: async () => {
      const release = await lock.acquire();
      return { run: session.run, release: () => release() };
    },
    concurrencyWindowMs: 5,
    close: async () => {},
  };
}
