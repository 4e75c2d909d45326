import { randomBytes } from 'node:crypto';
import { setTimeout as pause } from 'node:timers/promises';
import { type DataApiBackend, plainStatement, type ReservedSession, type SqlSession } from './backend';
import { badRequest, DataApiError, databaseError, isConnectionFailure } from './errors';

/** The causes the Data API appends to "Transaction ... is not found". */
const TRANSACTION_END_CAUSES = {
  expired: 'Transaction may be expired.',
  ended: 'One previous call resulted in a termination of your transaction.',
  aborted: 'Transaction has been aborted due to an error from a previous call.',
} as const;

interface OpenTransaction {
  id: string;
  session: ReservedSession;
  busy: boolean;
  /** Settles when the statement now running does; shutdown waits for it before rolling back. */
  running: Promise<unknown>;
  timer: NodeJS.Timeout | undefined;
}

const REMEMBERED_ENDED_TRANSACTIONS = 1000;
const BEGIN = plainStatement('BEGIN');
const COMMIT = plainStatement('COMMIT');
const ROLLBACK = plainStatement('ROLLBACK');

/**
 * The transactions started by BeginTransaction. Each one holds a connection of the backend until it is
 * committed, rolled back, ended by a result over the size limits, or idle for longer than the timeout.
 */
export class TransactionRegistry {
  private readonly open = new Map<string, OpenTransaction>();
  private readonly ended = new Map<string, string>();

  constructor(
    private readonly backend: DataApiBackend,
    private readonly idleTimeoutMs: number,
  ) {}

  /** Waits for a connection, starts a transaction on it and returns the new transaction id. */
  async begin(): Promise<string> {
    const session = await this.backend.reserve();
    try {
      await session.run(BEGIN);
    } catch (error) {
      session.release(true);
      throw error;
    }
    const transaction: OpenTransaction = {
      id: randomBytes(48).toString('base64'),
      session,
      busy: false,
      running: Promise.resolve(),
      timer: undefined,
    };
    this.open.set(transaction.id, transaction);
    this.armIdleTimer(transaction);
    return transaction.id;
  }

  /**
   * Runs work inside the transaction; a second call while one is running fails at once, as in the Data API.
   * Work that fails with an error that ends the transaction rolls it back and frees its connection.
   */
  async run<T>(id: string, work: (session: SqlSession) => Promise<T>): Promise<T> {
    const transaction = this.claim(id);
    // PGlite runs a statement synchronously, so without this pause a request sent at the same
    // time would only be read after this one finished and could never see the transaction busy.
    const window = this.backend.concurrencyWindowMs;
    const running = (window > 0 ? pause(window) : Promise.resolve()).then(() => work(transaction.session));
    transaction.running = running.catch(() => undefined);
    try {
      return await running;
    } catch (error) {
      if (error instanceof DataApiError && error.endsTransaction) {
        this.forget(transaction, TRANSACTION_END_CAUSES.aborted);
        await this.rollbackAndRelease(transaction);
      }
      throw error;
    } finally {
      transaction.busy = false;
      if (this.open.has(id)) this.armIdleTimer(transaction);
    }
  }

  /** Commits; a transaction that Postgres had already aborted is rolled back and reported as aborted. */
  async commit(id: string): Promise<void> {
    const transaction = this.claim(id);
    let broken = false;
    try {
      const result = await transaction.session.run(COMMIT);
      // COMMIT inside a failed transaction block rolls back and reports the ROLLBACK command tag.
      if (result.command === 'ROLLBACK') {
        throw badRequest(`Transaction ${id} is not found: ${TRANSACTION_END_CAUSES.aborted}`);
      }
    } catch (error) {
      broken = isConnectionFailure(error);
      throw error;
    } finally {
      this.forget(transaction, TRANSACTION_END_CAUSES.ended);
      transaction.session.release(broken);
    }
  }

  /** Rolls the transaction back and frees its connection. */
  async rollback(id: string): Promise<void> {
    const transaction = this.claim(id);
    this.forget(transaction, TRANSACTION_END_CAUSES.ended);
    let broken = true;
    try {
      await transaction.session.run(ROLLBACK);
      broken = false;
    } finally {
      transaction.session.release(broken);
    }
  }

  /** Rolls back every open transaction and frees its connection. */
  async closeAll(): Promise<void> {
    for (const transaction of [...this.open.values()]) {
      this.forget(transaction, TRANSACTION_END_CAUSES.ended);
      await transaction.running;
      await this.rollbackAndRelease(transaction);
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
    await this.rollbackAndRelease(transaction);
  }

  private async rollbackAndRelease(transaction: OpenTransaction): Promise<void> {
    const rolledBack = await transaction.session.run(ROLLBACK).then(
      () => true,
      () => false,
    );
    transaction.session.release(!rolledBack);
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
