import { createServer, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { serveConnection } from './serve-connection';

/** Where and how to serve one PGlite instance. */
export interface PgliteServerOptions {
  db: PGlite;
  /** Only the loopback interface: the server has no authentication. */
  host?: '127.0.0.1';
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Ends a client that holds an open transaction silent for this long (default 60 s; 0: never). */
  idleInTransactionTimeoutMs?: number;
}

/** A running server. */
export interface PgliteServer {
  port: number;
  /** A node-postgres connection string for this server. */
  url: string;
  /** Client connections open right now (including ones still rolling back after a disconnect). */
  connections(): number;
  /** Stops listening, ends every connection (rolling back its transaction) and waits for them; leaves `db` open. */
  close(): Promise<void>;
}

/**
 * Serves `db` over the PostgreSQL wire protocol on 127.0.0.1 so other processes can share it. Clients take
 * turns a transaction at a time: one client's extended query or transaction never interleaves with another's.
 */
export async function startPgliteServer(options: PgliteServerOptions): Promise<PgliteServer> {
  const host = options.host ?? '127.0.0.1';
  const connectionOptions = { idleInTransactionTimeoutMs: options.idleInTransactionTimeoutMs ?? 60_000 };
  const open = new Map<Socket, Promise<void>>();
  const server = createServer((socket) => {
    const served = serveConnection(socket, options.db, connectionOptions).finally(() => open.delete(socket));
    open.set(socket, served);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
  const port = address.port;
  let closing: Promise<void> | null = null;
  return {
    port,
    url: `postgresql://postgres@${host}:${port}/postgres`,
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
