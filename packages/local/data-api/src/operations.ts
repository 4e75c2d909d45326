import type { PGlite, Results } from '@electric-sql/pglite';
import type { ConnectionLock } from './connection-lock';
import { badRequest, databaseError, unsupportedResult } from './errors';
import { type BoundStatement, bindParameters } from './parameters';
import type { TypeCatalog } from './pg-types';
import {
  BeginTransactionRequest,
  EndTransactionRequest,
  ExecuteStatementRequest,
  parseRequest,
} from './requests';
import { buildExecuteResponse, type ExecuteStatementResponse, resolveColumns } from './results';
import type { TransactionRegistry } from './transactions';

/** What the operations need: the database, its lock, open transactions and the server's identity. */
export interface DataApiContext {
  db: PGlite;
  lock: ConnectionLock;
  transactions: TransactionRegistry;
  catalog: TypeCatalog;
  resourceArn: string;
  secretArn: string;
  database: string;
}

// The service limits a response to 1 MiB; checked here on the serialised response.
const MAX_RESPONSE_BYTES = 1048576;

function checkTarget(
  context: DataApiContext,
  request: { resourceArn: string; secretArn: string; database?: string | undefined },
): void {
  if (request.resourceArn !== context.resourceArn) {
    throw badRequest(
      `resourceArn "${request.resourceArn}" is not this local Data API's cluster; expected "${context.resourceArn}"`,
    );
  }
  if (request.secretArn !== context.secretArn) {
    throw badRequest(
      `secretArn "${request.secretArn}" is not this local Data API's secret; expected "${context.secretArn}"`,
    );
  }
  if (request.database !== undefined && request.database !== context.database) {
    throw databaseError(`FATAL: database "${request.database}" does not exist; SQLState: 3D000`);
  }
}

const keepText = (value: unknown) => value as string;

function runBound(context: DataApiContext, bound: BoundStatement): Promise<Results<unknown[]>> {
  return context.db.query<unknown[]>(bound.sql, bound.values, {
    rowMode: 'array',
    paramTypes: bound.types,
    parsers: context.catalog.textParsers,
    // Values are already in Postgres text form, so PGlite must pass them through untouched.
    serializers: Object.fromEntries(bound.types.map((type) => [type, keepText])),
  });
}

/** ExecuteStatement: runs one statement, in autocommit mode or inside the given transaction. */
export async function executeStatement(
  context: DataApiContext,
  body: unknown,
): Promise<ExecuteStatementResponse> {
  const request = parseRequest(ExecuteStatementRequest, body, 'ExecuteStatement');
  checkTarget(context, request);
  const bound = bindParameters(request.sql, request.parameters);
  const run = async () => {
    const result = await runBound(context, bound);
    const columns = await resolveColumns(result, context.catalog, (oids) =>
      context.catalog.ensure(context.db, oids),
    );
    return buildExecuteResponse(result, columns, request.includeResultMetadata ?? false);
  };
  const { transactionId } = request;
  const response = await (transactionId
    ? context.transactions.run(transactionId, run)
    : context.lock.run(run));
  if (Buffer.byteLength(JSON.stringify(response)) > MAX_RESPONSE_BYTES) {
    throw unsupportedResult('The result exceeds the size limit 1 MB');
  }
  return response;
}

/** BeginTransaction: waits for the connection and starts a transaction on it. */
export async function beginTransaction(context: DataApiContext, body: unknown) {
  const request = parseRequest(BeginTransactionRequest, body, 'BeginTransaction');
  checkTarget(context, request);
  return { transactionId: await context.transactions.begin() };
}

/** CommitTransaction: commits and frees the connection. */
export async function commitTransaction(context: DataApiContext, body: unknown) {
  const request = parseRequest(EndTransactionRequest, body, 'CommitTransaction');
  checkTarget(context, request);
  await context.transactions.commit(request.transactionId);
  return { transactionStatus: 'Transaction Committed' };
}

/** RollbackTransaction: rolls back and frees the connection. */
export async function rollbackTransaction(context: DataApiContext, body: unknown) {
  const request = parseRequest(EndTransactionRequest, body, 'RollbackTransaction');
  checkTarget(context, request);
  await context.transactions.rollback(request.transactionId);
  return { transactionStatus: 'Rollback Complete' };
}
