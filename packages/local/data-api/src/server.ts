import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import type { DataApiBackend } from './backend';
import { badRequest, DataApiError, toDataApiError } from './errors';
import {
  beginTransaction,
  commitTransaction,
  type DataApiContext,
  executeStatement,
  rollbackTransaction,
} from './operations';
import { TypeCatalog } from './pg-types';
import { pgliteBackend } from './pglite-backend';
import { postgresBackend } from './postgres-backend';
import { TransactionRegistry } from './transactions';

/**
 * Where the server runs statements: a PGlite (one connection, which transactions take in turn; the caller
 * keeps ownership of it), or a PostgreSQL server URL (a pool the server opens and closes, one connection per
 * transaction).
 */
export type DataApiDatabase =
  | { db: PGlite; postgresUrl?: never }
  | {
      postgresUrl: string;
      db?: never;
      /** Pooled connections; each open transaction holds one. Default 20. */
      maxConnections?: number;
    };

/** Options for {@link startDataApiServer}. */
export type DataApiServerOptions = DataApiDatabase & {
  resourceArn?: string;
  secretArn?: string;
  database?: string;
  /** A transaction unused for this long is rolled back; default 180000 (the Data API's 3 minutes). */
  transactionIdleTimeoutMs?: number;
};

/** A running server: where it listens, the identifiers requests must carry, and how to stop it. */
export interface DataApiServer {
  /** `http://127.0.0.1:PORT` (a free port), for the client's `endpoint` option. */
  endpoint: string;
  resourceArn: string;
  secretArn: string;
  database: string;
  /** Rolls back open transactions and stops the HTTP server; closes the pool it opened, a PGlite stays open. */
  close(): Promise<void>;
}

type Operation = (context: DataApiContext, body: unknown) => Promise<unknown>;

// The operations drizzle's aws-data-api driver sends; any other path is an unknown operation.
const OPERATIONS: Record<string, Operation> = {
  '/Execute': executeStatement,
  '/BeginTransaction': beginTransaction,
  '/CommitTransaction': commitTransaction,
  '/RollbackTransaction': rollbackTransaction,
};

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text.length === 0 ? {} : JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON');
  }
}

function send(response: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-amzn-requestid': randomUUID(),
  };
  if (errorType) headers['x-amzn-errortype'] = errorType;
  response.writeHead(status, headers).end(JSON.stringify(body));
}

async function handle(
  context: DataApiContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  try {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const operation = OPERATIONS[path];
    if (request.method !== 'POST' || !operation) {
      const message = `No Data API operation at ${request.method} ${path}`;
      throw new DataApiError('UnknownOperationException', message, { status: 404 });
    }
    send(response, 200, await operation(context, await readJsonBody(request)));
  } catch (error) {
    const failure = toDataApiError(error);
    send(response, failure.status, { __type: failure.type, message: failure.message }, failure.type);
  }
}

function listen(server: ReturnType<typeof createServer>): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function openBackend(options: DataApiDatabase): Promise<DataApiBackend> {
  if (options.postgresUrl !== undefined) {
    return postgresBackend({
      url: options.postgresUrl,
      ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
    });
  }
  return pgliteBackend(options.db);
}

/** Starts an RDS Data API-compatible HTTP endpoint on 127.0.0.1 over a PGlite or a PostgreSQL server. */
export async function startDataApiServer(options: DataApiServerOptions): Promise<DataApiServer> {
  const backend = await openBackend(options);
  let catalog: TypeCatalog;
  try {
    catalog = await backend.autocommit((session) => TypeCatalog.load(session));
  } catch (error) {
    await backend.close();
    throw error;
  }
  const context: DataApiContext = {
    backend,
    transactions: new TransactionRegistry(backend, options.transactionIdleTimeoutMs ?? 180_000),
    catalog,
    resourceArn: options.resourceArn ?? 'arn:aws:rds:us-east-1:123456789012:cluster:local-data-api',
    secretArn: options.secretArn ?? 'arn:aws:secretsmanager:us-east-1:123456789012:secret:local-data-api',
    database: options.database ?? 'postgres',
  };
  const inFlight = new Set<Promise<void>>();
  const server = createServer((request, response) => {
    const handling = handle(context, request, response).finally(() => inFlight.delete(handling));
    inFlight.add(handling);
  });
  const address = await listen(server).catch(async (error: unknown) => {
    await backend.close();
    throw error;
  });
  let closing: Promise<void> | undefined;
  // Stop listening, free the connections of open transactions, then wait for statements already
  // running, so nothing touches the caller's PGlite (or the pool, which ends last) once close() has resolved.
  const close = async () => {
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    await context.transactions.closeAll();
    server.closeAllConnections();
    await Promise.allSettled([...inFlight]);
    // A BeginTransaction that was queued behind a closed transaction may have opened a new one.
    await context.transactions.closeAll();
    await stopped;
    await backend.close();
  };
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    resourceArn: context.resourceArn,
    secretArn: context.secretArn,
    database: context.database,
    close: () => {
      closing ??= close();
      return closing;
    },
  };
}
