import { randomBytes } from 'node:crypto';
import { setTimeout as pause } from 'node:timers/promises';
import type { PGlite } from '@electric-sql/pglite';
import type { ConnectionLock, Release } from './connection-lock';
import { badRequest, databaseError } from './errors';

/** The causes the Data API appends to "Transaction ... is not found". */
const TRANSACTION_END_CAUSES = {
  expired: 'Transaction may be expired.',
  ended: 'One previous call resulted in a termination of your transaction.',
  aborted: 'Transaction has been aborted due to an error from a previous call.',
} as const;

interface OpenTransaction {
  id: string;
  release: Release;
  busy: boolean;
  /** Settles when the statement now running does; shutdown waits for it before rolling back. */
  running: Promise<unknown>;
  timer: NodeJS.Timeout | undefined;
}

const REMEMBERED_ENDED_TRANSACTIONS = 1000;
/** How long a transactional statement stays busy at least, like a round trip to the real database. */
const CONCURRENCY_WINDOW_MS = 5;

/**
 * The transactions started by BeginTransaction. Each one holds the single PGlite connection until
 * it is committed, rolled back, or idle for longer than the timeout (then it is rolled back).
 */
export class TransactionRegistry {
  private readonly open = new Map<string, OpenTransaction>();
  private readonly ended = new Map<string, string>();

  constructor(
    private readonly db: PGlite,
    private readonly lock: ConnectionLock,
    private readonly idleTimeoutMs: number,
  ) {}

  /** Waits for the connection, starts a transaction on it and returns the new transaction id. */
  async begin(): Promise<string> {
    const release = await this.lock.acquire();
    try {
      await this.db.query('BEGIN');
    } catch (error) {
      release();
      throw error;
    }
    const transaction: OpenTransaction = {
      id: randomBytes(48).toString('base64'),
      release,
      busy: false,
      running: Promise.resolve(),
      timer: undefined,
    };
    this.open.set(transaction.id, transaction);
    this.armIdleTimer(transaction);
    return transaction.id;
  }

  /** Runs work inside the transaction; a second call while one is running fails at once, as in the Data API. */
  async run<T>(id: string, work: () => Promise<T>): Promise<T> {
    const transaction = this.claim(id);
    // PGlite runs a statement synchronously, so without this pause a request sent at the same
    // time would only be read after this one finished and could never see the transaction busy.
    const running = pause(CONCURRENCY_WINDOW_MS).then(work);
    transaction.running = running.catch(() => undefined);
    try {
      return await running;
    } finally {
      transaction.busy = false;
      if (this.open.has(id)) this.armIdleTimer(transaction);
    }
  }

  /** Commits; a transaction that Postgres had already aborted is rolled back and reported as aborted. */
  async commit(id: string): Promise<void> {
    const transaction = this.claim(id);
    try {
      const result = await this.db.query('COMMIT');
      // COMMIT inside a failed transaction block rolls back and reports the ROLLBACK command tag.
      if ((result as { command?: string }).command === 'ROLLBACK') {
        throw badRequest(`Transaction ${id} is not found: ${TRANSACTION_END_CAUSES.aborted}`);
      }
    } finally {
      this.finish(transaction, TRANSACTION_END_CAUSES.ended);
    }
  }

  /** Rolls the transaction back and frees the connection. */
  async rollback(id: string): Promise<void> {
    const transaction = this.claim(id);
    try {
      await this.db.query('ROLLBACK');
    } finally {
      this.finish(transaction, TRANSACTION_END_CAUSES.ended);
    }
  }

  /** Rolls back every open transaction, so the caller's PGlite is left idle. */
  async closeAll(): Promise<void> {
    for (const transaction of [...this.open.values()]) {
      this.forget(transaction, TRANSACTION_END_CAUSES.ended);
      await transaction.running;
      await this.db.query('ROLLBACK').catch(() => undefined);
      transaction.release();
    }
  }

  private claim(id: string): OpenTransaction {
    const transaction = this.open.get(id);
    if (!transaction) {
      const cause = this.ended.get(id);
      throw badRequest(cause ? `Transaction ${id} is not found: ${cause}` : `Transaction ${id} is not found`);
    }
    if (transaction.busy) throw databaseError('Transaction is still running a query');
    transaction.busy = true;
    clearTimeout(transaction.timer);
    return transaction;
  }

  private armIdleTimer(transaction: OpenTransaction): void {
    clearTimeout(transaction.timer);
    transaction.timer = setTimeout(() => void this.expire(transaction), this.idleTimeoutMs);
    transaction.timer.unref();
  }

  private async expire(transaction: OpenTransaction): Promise<void> {
    if (transaction.busy || !this.open.has(transaction.id)) return;
    // Forget it first, so a call racing with the rollback is told the transaction expired.
    this.forget(transaction, TRANSACTION_END_CAUSES.expired);
    await this.db.query('ROLLBACK').catch(() => undefined);
    transaction.release();
  }

  private finish(transaction: OpenTransaction, cause: string): void {
    this.forget(transaction, cause);
    transaction.release();
  }

  private forget(transaction: OpenTransaction, cause: string): void {
    clearTimeout(transaction.timer);
    this.open.delete(transaction.id);
    this.ended.set(transaction.id, cause);
    if (this.ended.size > REMEMBERED_ENDED_TRANSACTIONS) {
      const oldest = this.ended.keys().next().value;
      if (oldest !== undefined) this.ended.delete(oldest);
    }
  }
}
