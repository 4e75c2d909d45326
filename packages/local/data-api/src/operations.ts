import type { DataApiBackend, SqlSession } from './backend';
import { badRequest, databaseError } from './errors';
import { bindParameters } from './parameters';
import type { TypeCatalog } from './pg-types';
import {
  BeginTransactionRequest,
  EndTransactionRequest,
  ExecuteStatementRequest,
  parseRequest,
} from './requests';
import {
  buildExecuteResponse,
  checkResponseSize,
  checkRowSizes,
  type ExecuteStatementResponse,
  resolveColumns,
} from './results';
import type { TransactionRegistry } from './transactions';

/** What the operations need: where statements run, open transactions and the server's identity. */
export interface DataApiContext {
  backend: DataApiBackend;
  transactions: TransactionRegistry;
  catalog: TypeCatalog;
  resourceArn: string;
  secretArn: string;
  database: string;
}

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

/** ExecuteStatement: runs one statement, in autocommit mode or inside the given transaction. */
export async function executeStatement(
  context: DataApiContext,
  body: unknown,
): Promise<ExecuteStatementResponse> {
  const request = parseRequest(ExecuteStatementRequest, body, 'ExecuteStatement');
  checkTarget(context, request);
  const bound = bindParameters(request.sql, request.parameters);
  // The size checks run inside the transaction's work, so a result over a limit ends the transaction.
  const run = async (session: SqlSession) => {
    const result = await session.run(bound);
    checkRowSizes(result);
    const columns = await resolveColumns(result, context.catalog, session);
    const response = buildExecuteResponse(result, columns, request.includeResultMetadata ?? false);
    checkResponseSize(response);
    return response;
  };
  const { transactionId } = request;
  return transactionId ? context.transactions.run(transactionId, run) : context.backend.autocommit(run);
}

/** BeginTransaction: waits for a connection and starts a transaction on it. */
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
