import {
  BeginTransactionCommand,
  CommitTransactionCommand,
  RollbackTransactionCommand,
} from '@aws-sdk/client-rds-data';
import { describe, expect, it } from 'vitest';
import { failureOf, useLocalDataApi } from './support/local-data-api';

const api = useLocalDataApi('CREATE TABLE note (id int PRIMARY KEY)');

async function begin(): Promise<string> {
  const { transactionId } = await api.client.send(new BeginTransactionCommand(api.target));
  if (!transactionId) throw new Error('BeginTransaction returned no transactionId');
  return transactionId;
}

const rowsOf = (width: number, count: number) =>
  api.execute('SELECT repeat(:c, :width::int) AS text FROM generate_series(1, :count::int)', [
    { name: 'c', value: { stringValue: 'x' } },
    { name: 'width', value: { longValue: width } },
    { name: 'count', value: { longValue: count } },
  ]);

describe('the 1 MiB response limit', () => {
  it('returns 960 000 bytes in rows of 60 000 and refuses 1 080 000 with the documented message', async () => {
    expect((await rowsOf(60_000, 16)).records).toHaveLength(16);
    const error = await failureOf(rowsOf(60_000, 18));
    expect([error.name, error.message]).toEqual([
      'UnsupportedResultException',
      'Database response exceeded size limit',
    ]);
  });
});

describe('the 64 KB row limit', () => {
  it('returns a row of exactly 65 536 bytes and refuses one byte more', async () => {
    const records = (await rowsOf(65_536, 1)).records;
    expect(records?.[0]?.[0]?.stringValue).toHaveLength(65_536);
    const error = await failureOf(rowsOf(65_537, 1));
    expect([error.name, error.message]).toEqual(['DatabaseErrorException', 'Packet for query is too large']);
  });

  it('counts the bytes of the whole row, not characters or one column', async () => {
    // 32 769 two-byte characters are 65 538 bytes; two columns of 40 000 bytes are 80 000.
    const accented = failureOf(api.execute("SELECT repeat('é', 32769) AS text"));
    expect((await accented).message).toBe('Packet for query is too large');
    const wide = failureOf(api.execute("SELECT repeat('a', 40000) AS a, repeat('b', 40000) AS b"));
    expect((await wide).message).toBe('Packet for query is too large');
  });
});

describe('a transaction ended by a result over a limit', () => {
  const end = (transactionId: string, command: 'commit' | 'rollback') =>
    api.client.send(
      command === 'commit'
        ? new CommitTransactionCommand({ ...api.target, transactionId })
        : new RollbackTransactionCommand({ ...api.target, transactionId }),
    );

  it.each([
    ['the response', 'SELECT repeat(:c, 60000) FROM generate_series(1, 18)', 'UnsupportedResultException'],
    ['a row', 'SELECT repeat(:c, 70000)', 'DatabaseErrorException'],
  ])(
    'is rolled back when %s is too large, and later calls are told it is not found',
    async (_, sql, type) => {
      const transactionId = await begin();
      await api.execute('INSERT INTO note (id) VALUES (1)', [], { transactionId });
      const overflow = await failureOf(
        api.execute(sql, [{ name: 'c', value: { stringValue: 'x' } }], { transactionId }),
      );
      expect(overflow.name).toBe(type);
      const notFound = `Transaction ${transactionId} is not found: Transaction has been aborted due to an error from a previous call.`;
      for (const call of [
        api.execute('SELECT 1', [], { transactionId }),
        end(transactionId, 'commit'),
        end(transactionId, 'rollback'),
      ]) {
        const error = await failureOf(call);
        expect([error.name, error.message]).toEqual(['BadRequestException', notFound]);
      }
      // The insert was rolled back and the connection is free again (PGlite has only one).
      expect((await api.execute('SELECT count(*)::int AS n FROM note')).records).toEqual([
        [{ longValue: 0 }],
      ]);
      const next = await begin();
      await api.client.send(new RollbackTransactionCommand({ ...api.target, transactionId: next }));
    },
  );

  it('keeps a transaction whose statement fails for another reason open until it ends', async () => {
    const transactionId = await begin();
    await failureOf(api.execute('SELECT 1 / 0', [], { transactionId }));
    const error = await failureOf(end(transactionId, 'commit'));
    expect(error.message).toBe(
      `Transaction ${transactionId} is not found: Transaction has been aborted due to an error from a previous call.`,
    );
  });
});

describe('JSON and numeric text as Aurora Serverless v2 returns it', () => {
  it('returns json and jsonb values as compact JSON, keeping strings and number literals exactly', async () => {
    const result = await api.execute(
      `SELECT '{"a" : "x  y", "n": 1.50, "big": 12345678901234567890, "q": "say \\"hi\\" , ok"}'::jsonb AS b,
              '{ "a" : [1, 2],
                 "s": " { } " }'::json AS j,
              ARRAY['{"k": [1, 2]}'::jsonb, NULL] AS arr`,
    );
    expect(result.records).toEqual([
      [
        { stringValue: '{"a":"x  y","n":1.50,"q":"say \\"hi\\" , ok","big":12345678901234567890}' },
        { stringValue: '{"a":[1,2],"s":" { } "}' },
        { arrayValue: { stringValues: ['{"k":[1,2]}', null] } },
      ],
    ]);
  });

  it('writes a numeric whose adjusted exponent is below -6 in exponent notation, as Java does', async () => {
    const result = await api.execute(
      `SELECT 0.0000001::numeric, 0.00000000::numeric(20, 8), -0.00000012::numeric, 0.000001::numeric,
              123.4500::numeric, 'NaN'::numeric`,
    );
    expect(result.records?.[0]?.map((field) => field.stringValue)).toEqual([
      '1E-7',
      '0E-8',
      '-1.2E-7',
      '0.000001',
      '123.4500',
      'NaN',
    ]);
  });
});
