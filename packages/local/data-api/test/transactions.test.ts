import { setTimeout as sleep } from 'node:timers/promises';
import {
  BeginTransactionCommand,
  CommitTransactionCommand,
  RollbackTransactionCommand,
} from '@aws-sdk/client-rds-data';
import { beforeEach, describe, expect, it } from 'vitest';
import { failureOf, type LocalDataApi, startLocalDataApi, useLocalDataApi } from './support/local-data-api';

const api = useLocalDataApi('CREATE TABLE account (id int PRIMARY KEY, name text NOT NULL)');

beforeEach(async () => {
  await api.db.exec('TRUNCATE account');
});

async function begin(on: LocalDataApi = api) {
  const { transactionId } = await on.client.send(new BeginTransactionCommand(on.target));
  if (!transactionId) throw new Error('BeginTransaction returned no transactionId');
  return transactionId;
}

const commit = (transactionId: string) =>
  api.client.send(new CommitTransactionCommand({ ...api.target, transactionId }));
const rollback = (transactionId: string) =>
  api.client.send(new RollbackTransactionCommand({ ...api.target, transactionId }));

function insert(id: number, transactionId?: string) {
  return api.execute(
    'INSERT INTO account (id, name) VALUES (:id, :name)',
    [
      { name: 'id', value: { longValue: id } },
      { name: 'name', value: { stringValue: `account ${id}` } },
    ],
    transactionId ? { transactionId } : {},
  );
}

async function ids(transactionId?: string): Promise<number[]> {
  const result = await api.execute(
    'SELECT id FROM account ORDER BY id',
    [],
    transactionId ? { transactionId } : {},
  );
  return (result.records ?? []).map((row) => row[0]?.longValue ?? -1);
}

describe('commit and rollback', () => {
  it('makes a transaction’s rows visible after CommitTransaction', async () => {
    const transactionId = await begin();
    await insert(1, transactionId);
    expect(await ids(transactionId)).toEqual([1]);
    expect(await commit(transactionId)).toMatchObject({ transactionStatus: 'Transaction Committed' });
    expect(await ids()).toEqual([1]);
  });

  it('discards a transaction’s rows after RollbackTransaction', async () => {
    const transactionId = await begin();
    await insert(1, transactionId);
    expect(await rollback(transactionId)).toMatchObject({ transactionStatus: 'Rollback Complete' });
    expect(await ids()).toEqual([]);
  });

  it('makes a statement outside the transaction wait until the transaction ends', async () => {
    const transactionId = await begin();
    await insert(1, transactionId);
    let settled = false;
    const outside = ids().finally(() => {
      settled = true;
    });
    await sleep(150);
    expect(settled).toBe(false);
    await rollback(transactionId);
    expect(await outside).toEqual([]);
  });
});

describe('errors inside a transaction', () => {
  it('reports the failing statement, then refuses further statements until rollback', async () => {
    const transactionId = await begin();
    await insert(1, transactionId);
    const duplicate = await failureOf(insert(1, transactionId));
    expect(duplicate.name).toBe('DatabaseErrorException');
    expect(duplicate.message).toMatch(
      /duplicate key value violates unique constraint "account_pkey"[\s\S]*SQLState: 23505$/,
    );
    const next = await failureOf(ids(transactionId));
    expect(next.message).toContain(
      'current transaction is aborted, commands ignored until end of transaction block',
    );
    await rollback(transactionId);
    expect(await ids()).toEqual([]);
  });

  it('refuses to commit an aborted transaction, rolls it back and frees the connection', async () => {
    const transactionId = await begin();
    await insert(1, transactionId);
    await failureOf(insert(1, transactionId));
    const error = await failureOf(commit(transactionId));
    expect(error.name).toBe('BadRequestException');
    expect(error.message).toBe(
      `Transaction ${transactionId} is not found: Transaction has been aborted due to an error from a previous call.`,
    );
    expect(await ids()).toEqual([]);
  });

  it('recovers from an error with a savepoint, as drizzle’s nested transactions do', async () => {
    const transactionId = await begin();
    await insert(1, transactionId);
    await api.execute('savepoint sp1', [], { transactionId });
    await failureOf(insert(1, transactionId));
    await api.execute('rollback to savepoint sp1', [], { transactionId });
    await insert(2, transactionId);
    await commit(transactionId);
    expect(await ids()).toEqual([1, 2]);
  });
});

describe('transaction ids', () => {
  it('refuses an unknown transaction id', async () => {
    const error = await failureOf(ids('no-such-transaction'));
    expect([error.name, error.message]).toEqual([
      'BadRequestException',
      'Transaction no-such-transaction is not found',
    ]);
  });

  it('refuses a transaction id that was already committed, saying why', async () => {
    const transactionId = await begin();
    await commit(transactionId);
    const error = await failureOf(insert(1, transactionId));
    expect(error.message).toBe(
      `Transaction ${transactionId} is not found: One previous call resulted in a termination of your transaction.`,
    );
  });

  it('refuses a second call while the transaction is still running one, as with Promise.all', async () => {
    const transactionId = await begin();
    try {
      const outcomes = await Promise.allSettled([insert(1, transactionId), insert(2, transactionId)]);
      const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as Error] : []));
      expect(failures.map((e) => [e.name, e.message])).toEqual([
        ['DatabaseErrorException', 'Transaction is still running a query'],
      ]);
    } finally {
      await rollback(transactionId);
    }
  });
});

describe('idle timeout and shutdown', () => {
  it('rolls back a transaction left idle past the timeout and releases the connection', async () => {
    const other = await startLocalDataApi({ db: api.db, transactionIdleTimeoutMs: 100 });
    try {
      const transactionId = await begin(other);
      await sleep(300);
      const error = await failureOf(
        other.client.send(new CommitTransactionCommand({ ...other.target, transactionId })),
      );
      expect(error.message).toBe(`Transaction ${transactionId} is not found: Transaction may be expired.`);
    } finally {
      await other.close();
    }
  });

  it('rolls back open transactions when the server closes, leaving the database usable', async () => {
    const other = await startLocalDataApi({ db: api.db });
    const transactionId = await begin(other);
    await other.execute("INSERT INTO account VALUES (9, 'x')", [], { transactionId });
    await other.close();
    expect((await api.db.query('SELECT count(*)::int AS n FROM account')).rows).toEqual([{ n: 0 }]);
  });
});
