import type { AddressInfo } from 'node:net';
import { createServer, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { serveConnection } from './serve-connection';

/** What to serve and how long a client may sit idle inside a transaction. */
export interface PgliteServerOptions {
  db: PGlite;
  /** Ends a client that holds an open transaction silent for this long (default 60 s; 0: never). */
  idleInTransactionTimeoutMs?: number;
}

/** A running server. */
export interface PgliteServer {
  /** The port on 127.0.0.1 (a free one); connect as `postgresql://postgres@127.0.0.1:PORT/postgres`. */
  port: number;
  /** Client connections open right now (including ones still rolling back after a disconnect). */
  connections(): number;
  /** Stops listening, ends every connection (rolling back its transaction) and waits for them; leaves `db` open. */
  close(): Promise<void>;
}

/**
 * Serves `db` over the PostgreSQL wire protocol on 127.0.0.1 only (it has no authentication), so other
 * processes can share it. Clients take turns a transaction at a time: one client's extended query or
 * transaction never interleaves with another's.
 */
export async function startPgliteServer(options: PgliteServerOptions): Promise<PgliteServer> {
  const connectionOptions = { idleInTransactionTimeoutMs: options.idleInTransactionTimeoutMs ?? 60_000 };
  const open = new Map<Socket, Promise<void>>();
  const server = createServer((socket) => {
    const served = serveConnection(socket, options.db, connectionOptions).finally(() => open.delete(socket));
    open.set(socket, served);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  let closing: Promise<void> | null = null;
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => open.size,
    close: () => {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const socket of open.keys()) socket.destroy();
        await Promise.all([...open.values()]);
        await stopped;
      })();
      return closing;
    },
  };
}
