import type { PGlite, Results } from '@electric-sql/pglite';
import type { ConnectionLock } from './connection-lock';
import { badRequest, databaseError, unsupportedResult, validationError } from './errors';
import { type BoundStatement, bindParameters } from './parameters';
import type { TypeCatalog } from './pg-types';
import {
  BatchExecuteStatementRequest,
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
  maxResponseBytes: number;
}

interface Target {
  resourceArn: string;
  secretArn: string;
  database?: string | undefined;
  schema?: string | undefined;
}

function checkTarget(context: DataApiContext, request: Target): void {
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
  if (request.schema !== undefined) throw validationError("The schema parameter isn't supported");
  if (request.database !== undefined && request.database !== context.database) {
    throw databaseError(`FATAL: database "${request.database}" does not exist; SQLState: 3D000`);
  }
}

const keepText = (value: unknown) => value as string;

async function runBound(context: DataApiContext, bound: BoundStatement): Promise<Results<unknown[]>> {
  return context.db.query<unknown[]>(bound.sql, bound.values, {
    rowMode: 'array',
    paramTypes: bound.types,
    parsers: context.catalog.textParsers,
    // Values are already in Postgres text form, so PGlite must pass them through untouched.
    serializers: Object.fromEntries(bound.types.map((type) => [type, keepText])),
  });
}

function withConnection<T>(
  context: DataApiContext,
  transactionId: string | undefined,
  work: () => Promise<T>,
) {
  return transactionId ? context.transactions.run(transactionId, work) : context.lock.run(work);
}

function checkResponseSize(context: DataApiContext, response: ExecuteStatementResponse): void {
  const size = Buffer.byteLength(JSON.stringify(response));
  if (size <= context.maxResponseBytes) return;
  const limit = context.maxResponseBytes === 1048576 ? '1 MB' : `${context.maxResponseBytes} bytes`;
  throw unsupportedResult(`The result exceeds the size limit ${limit}`);
}

/** ExecuteStatement: runs one statement, in autocommit mode or inside the given transaction. */
export async function executeStatement(
  context: DataApiContext,
  body: unknown,
): Promise<ExecuteStatementResponse> {
  const request = parseRequest(ExecuteStatementRequest, body, 'ExecuteStatement');
  checkTarget(context, request);
  const bound = bindParameters(request.sql, request.parameters);
  const shape = {
    includeResultMetadata: request.includeResultMetadata ?? false,
    formatRecordsAs: request.formatRecordsAs ?? 'NONE',
    values: {
      longAsString: request.resultSetOptions?.longReturnType === 'STRING',
      decimalAsNumber: request.resultSetOptions?.decimalReturnType === 'DOUBLE_OR_LONG',
    },
  } as const;
  const response = await withConnection(context, request.transactionId, async () => {
    const result = await runBound(context, bound);
    const columns = await resolveColumns(result, context.catalog, (oids) =>
      context.catalog.ensure(context.db, oids),
    );
    return buildExecuteResponse(result, columns, context.catalog, shape);
  });
  checkResponseSize(context, response);
  return response;
}

/** BatchExecuteStatement: runs one statement per parameter set, all or nothing when outside a transaction. */
export async function batchExecuteStatement(context: DataApiContext, body: unknown) {
  const request = parseRequest(BatchExecuteStatementRequest, body, 'BatchExecuteStatement');
  checkTarget(context, request);
  const parameterSets = request.parameterSets ?? [];
  const statements = (parameterSets.length > 0 ? parameterSets : [[]]).map((set) =>
    bindParameters(request.sql, set),
  );
  const runAll = async () => {
    for (const statement of statements) await runBound(context, statement);
  };
  if (request.transactionId) {
    await context.transactions.run(request.transactionId, runAll);
  } else {
    await context.lock.run(async () => {
      await context.db.query('BEGIN');
      try {
        await runAll();
        await context.db.query('COMMIT');
      } catch (error) {
        await context.db.query('ROLLBACK');
        throw error;
      }
    });
  }
  return { updateResults: parameterSets.map(() => ({ generatedFields: [] })) };
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
