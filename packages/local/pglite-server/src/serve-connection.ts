import type { Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import {
  EXTENDED_QUERY_TYPES,
  type FrontendMessage,
  fatalError,
  nextMessage,
  readyStatus,
  simpleQuery,
  wireMessage,
} from './protocol';

/** How one connection shares the database with the others. */
export interface ConnectionOptions {
  /** Ends a connection that holds the database inside a transaction without sending anything (0: never). */
  idleInTransactionTimeoutMs: number;
}

/**
 * Takes PGlite's query mutex and keeps it until the returned function is called. Every connection holds
 * it from its first message until the database is idle again, so in-process `db.query()` callers wait too.
 */
function acquire(db: PGlite): Promise<() => void> {
  return new Promise((acquired, failed) => {
    db.runExclusive(() => new Promise<void>((release) => acquired(() => release()))).catch(failed);
  });
}

/**
 * Serves one client socket until it closes; resolves once its transaction, if any, has been rolled back
 * and the database released. Messages from one client run in order; a client keeps the database from its
 * first message until PGlite answers ReadyForQuery with status 'I', so no other client's message can land
 * inside its extended query (Parse/Bind/Execute/Sync) or its transaction.
 */
export function serveConnection(socket: Socket, db: PGlite, options: ConnectionOptions): Promise<void> {
  let buffer: Buffer = Buffer.alloc(0);
  let started = false;
  let closed = false;
  let pumping = false;
  let cleanedUp = false;
  let release: (() => void) | null = null;
  // True from the first extended-query message until its Sync: PGlite then waits for that Sync.
  let midExtendedQuery = false;
  let idleTimer: NodeJS.Timeout | undefined;
  let finish = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });

  const write = (bytes: Uint8Array) => {
    if (bytes.length > 0 && !socket.destroyed) socket.write(bytes);
  };

  async function execute(bytes: Uint8Array, type: string | null): Promise<void> {
    if (!release) release = await acquire(db);
    if (closed) return;
    const response = await db.execProtocolRaw(bytes);
    if (type !== null && EXTENDED_QUERY_TYPES.has(type)) midExtendedQuery = true;
    if (type === 'S') midExtendedQuery = false;
    write(response);
    if (readyStatus(response) === 'I') {
      release();
      release = null;
    }
  }

  async function handle(message: FrontendMessage): Promise<void> {
    switch (message.kind) {
      case 'ssl-request':
      case 'gssenc-request':
        write(new Uint8Array(Buffer.from('N')));
        return;
      case 'cancel-request':
        // PGlite has one backend and nothing to signal; the protocol expects no answer.
        closeSocket();
        return;
      case 'unsupported-startup':
        write(fatalError('0A000', `unsupported frontend protocol or request code ${message.code}`));
        closeSocket();
        return;
      case 'malformed':
        write(fatalError('08P01', 'invalid message length'));
        closeSocket();
        return;
      case 'startup':
        await execute(message.bytes, null);
        started = true;
        return;
      case 'typed':
        if (message.type === 'X') closeSocket();
        else await execute(message.bytes, message.type);
        return;
    }
  }

  function closeSocket(): void {
    closed = true;
    socket.end();
  }

  async function cleanup(): Promise<void> {
    if (cleanedUp) return;
    cleanedUp = true;
    clearTimeout(idleTimer);
    try {
      if (release && !db.closed) {
        if (midExtendedQuery) await db.execProtocolRaw(wireMessage('S'));
        if (db.isInTransaction()) await db.execProtocolRaw(simpleQuery('ROLLBACK'));
      }
    } catch {
      // The database failed or is closing: releasing it is all that is left to do.
    } finally {
      release?.();
      release = null;
      finish();
    }
  }

  function armIdleTimer(): void {
    if (!release || options.idleInTransactionTimeoutMs <= 0) return;
    idleTimer = setTimeout(() => {
      write(fatalError('25P03', 'terminating connection due to idle-in-transaction timeout'));
      socket.destroy();
    }, options.idleInTransactionTimeoutMs);
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    clearTimeout(idleTimer);
    try {
      for (let next = nextMessage(buffer, started); next && !closed; next = nextMessage(buffer, started)) {
        buffer = next.rest;
        await handle(next.message);
      }
    } catch {
      // PGlite itself failed: this client cannot continue; cleanup rolls back what it can.
      closed = true;
      socket.destroy();
    } finally {
      pumping = false;
    }
    if (closed) await cleanup();
    else armIdleTimer();
  }

  socket.setNoDelay(true);
  socket.on('data', (chunk: Buffer) => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    void pump();
  });
  // 'close' always follows 'error'.
  socket.on('error', () => {});
  socket.on('close', () => {
    closed = true;
    buffer = Buffer.alloc(0);
    if (!pumping) void cleanup();
  });
  return finished;
}
