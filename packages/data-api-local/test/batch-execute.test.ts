import {
  BatchExecuteStatementCommand,
  BeginTransactionCommand,
  RollbackTransactionCommand,
} from '@aws-sdk/client-rds-data';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { failureOf, type LocalDataApi, startLocalDataApi } from './support/local-data-api';

let api: LocalDataApi;

beforeAll(async () => {
  api = await startLocalDataApi();
  await api.db.exec('CREATE TABLE account (id int PRIMARY KEY, name text NOT NULL)');
});

beforeEach(async () => {
  await api.db.exec('TRUNCATE account');
});

afterAll(async () => {
  await api.stop();
});

async function ids(): Promise<number[]> {
  const result = await api.execute('SELECT id FROM account ORDER BY id');
  return (result.records ?? []).map((row) => row[0]?.longValue ?? -1);
}

const batchSql = 'INSERT INTO account (id, name) VALUES (:id, :name)';

function parameterSets(sets: Array<[number, string]>) {
  return sets.map(([id, name]) => [
    { name: 'id', value: { longValue: id } },
    { name: 'name', value: { stringValue: name } },
  ]);
}

describe('BatchExecuteStatement', () => {
  const batch = (sets: Array<[number, string]>) =>
    api.client.send(
      new BatchExecuteStatementCommand({
        ...api.target,
        sql: batchSql,
        parameterSets: parameterSets(sets),
      }),
    );

  it('runs the statement once per parameter set', async () => {
    const result = await batch([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
    expect(result.updateResults).toEqual([
      { generatedFields: [] },
      { generatedFields: [] },
      { generatedFields: [] },
    ]);
    expect(await ids()).toEqual([1, 2, 3]);
  });

  it('applies no set when one of them fails', async () => {
    const error = await failureOf(
      batch([
        [1, 'a'],
        [1, 'duplicate'],
      ]),
    );
    expect(error.name).toBe('DatabaseErrorException');
    expect(await ids()).toEqual([]);
  });
});

describe('BatchExecuteStatement in a transaction', () => {
  it('runs inside the transaction, so a rollback undoes it', async () => {
    const { transactionId } = await api.client.send(new BeginTransactionCommand(api.target));
    await api.client.send(
      new BatchExecuteStatementCommand({
        ...api.target,
        transactionId,
        sql: batchSql,
        parameterSets: parameterSets([[7, 'g']]),
      }),
    );
    await api.client.send(new RollbackTransactionCommand({ ...api.target, transactionId }));
    expect(await ids()).toEqual([]);
  });
});
