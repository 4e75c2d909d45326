import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, type LocalDataApi, startLocalDataApi } from './support/local-data-api';

const ID = '6774d596-8cc8-4c20-8e98-6f2f105d62a8';

let api: LocalDataApi;

beforeAll(async () => {
  api = await startLocalDataApi();
  await api.db.exec(`
    CREATE TABLE item (
      id uuid PRIMARY KEY,
      data jsonb,
      amount numeric(12, 2),
      at timestamptz,
      local_at timestamp,
      label text
    );
  `);
  await api.execute('INSERT INTO item (id, amount, label) VALUES (:id, :amount, :label)', [
    { name: 'id', value: { stringValue: ID }, typeHint: 'UUID' },
    { name: 'amount', value: { stringValue: '12.50' }, typeHint: 'DECIMAL' },
    { name: 'label', value: { stringValue: 'first' } },
  ]);
});

afterAll(async () => {
  await api.close();
});

describe('uuid parameters', () => {
  it('matches a uuid column when the parameter has typeHint UUID', async () => {
    const result = await api.execute('SELECT label FROM item WHERE id = :id', [
      { name: 'id', value: { stringValue: ID }, typeHint: 'UUID' },
    ]);
    expect(result.records).toEqual([[{ stringValue: 'first' }]]);
  });

  it('fails to compare a uuid column with a plain string, as the real service does', async () => {
    const error = await failureOf(
      api.execute('SELECT label FROM item WHERE id = :id', [{ name: 'id', value: { stringValue: ID } }]),
    );
    expect(error.name).toBe('DatabaseErrorException');
    expect(error.message).toMatch(/^ERROR: operator does not exist: uuid = character varying\n {2}Hint: .+/);
    expect(error.message).toMatch(/Position: \d+; SQLState: 42883$/);
  });

  it('fails to insert a plain string into a uuid column', async () => {
    const error = await failureOf(
      api.execute('INSERT INTO item (id) VALUES (:id)', [
        { name: 'id', value: { stringValue: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' } },
      ]),
    );
    expect(error.name).toBe('DatabaseErrorException');
    expect(error.message).toContain(
      'column "id" is of type uuid but expression is of type character varying',
    );
  });
});

describe('jsonb and numeric values', () => {
  it('round-trips a JSON parameter through a jsonb column as compact JSON text', async () => {
    const document = { tags: ['a', 'b'], nested: { n: 1.5 }, none: null };
    await api.execute('UPDATE item SET data = :data WHERE id = :id', [
      { name: 'data', value: { stringValue: JSON.stringify(document) }, typeHint: 'JSON' },
      { name: 'id', value: { stringValue: ID }, typeHint: 'UUID' },
    ]);
    const result = await api.execute('SELECT data, data -> :key AS tags FROM item', [
      { name: 'key', value: { stringValue: 'tags' } },
    ]);
    const [data, tags] = result.records?.[0] ?? [];
    expect(JSON.parse(data?.stringValue ?? 'null')).toEqual(document);
    expect(tags).toEqual({ stringValue: '["a","b"]' });
  });

  it('refuses a plain string for a jsonb column', async () => {
    const error = await failureOf(
      api.execute('UPDATE item SET data = :data', [{ name: 'data', value: { stringValue: '{"a":1}' } }]),
    );
    expect(error.message).toContain(
      'column "data" is of type jsonb but expression is of type character varying',
    );
  });

  it('returns numeric as a string that keeps its scale', async () => {
    const result = await api.execute('SELECT amount, amount * 2 AS doubled, 7::numeric AS whole FROM item');
    expect(result.records).toEqual([
      [{ stringValue: '12.50' }, { stringValue: '25.00' }, { stringValue: '7' }],
    ]);
  });
});

describe('other value types', () => {
  it('maps integers, floats, booleans, nulls, bytea and arrays to their Field members', async () => {
    const result = await api.execute(
      `SELECT 1::int2, 2::int4, 3::int8, 1.5::float8, true, NULL::text, '\\x00ff'::bytea,
              ARRAY[1, 2], ARRAY['a', NULL, 'b c'], ARRAY[true, false], :flag AS flag, :ratio AS ratio`,
      [
        { name: 'flag', value: { booleanValue: false } },
        { name: 'ratio', value: { doubleValue: 0.25 } },
      ],
    );
    expect(result.records?.[0]).toEqual([
      { longValue: 1 },
      { longValue: 2 },
      { longValue: 3 },
      { doubleValue: 1.5 },
      { booleanValue: true },
      { isNull: true },
      { blobValue: new Uint8Array([0, 255]) },
      { arrayValue: { longValues: [1, 2] } },
      { arrayValue: { stringValues: ['a', null, 'b c'] } },
      { arrayValue: { booleanValues: [true, false] } },
      { booleanValue: false },
      { doubleValue: 0.25 },
    ]);
  });

  it('returns NaN and infinite floats, and types outside the supported list, as stringValue', async () => {
    const result = await api.execute("SELECT 'NaN'::float8, '-Infinity'::float4, int4range(1, 3)");
    expect(result.records).toEqual([
      [{ stringValue: 'NaN' }, { stringValue: '-Infinity' }, { stringValue: '[1,3)' }],
    ]);
  });

  it('binds longValue as bigint', async () => {
    const result = await api.execute('SELECT pg_typeof(:n)::text', [{ name: 'n', value: { longValue: 5 } }]);
    expect(result.records).toEqual([[{ stringValue: 'bigint' }]]);
  });

  it('returns enums created after the server started as strings, and their arrays as stringValues', async () => {
    await api.execute("CREATE TYPE mood AS ENUM ('calm', 'tense')");
    const result = await api.execute("SELECT 'calm'::mood, ARRAY['tense', 'calm']::mood[]", [], {
      includeResultMetadata: true,
    });
    expect(result.records).toEqual([
      [{ stringValue: 'calm' }, { arrayValue: { stringValues: ['tense', 'calm'] } }],
    ]);
    expect(result.columnMetadata?.map((c) => c.typeName)).toEqual(['mood', '_mood']);
  });

  it.each([
    ["interval '1 day'", 'interval'],
    ['\'a\'::"char"', 'char'],
    ["'<a/>'::xml", 'xml'],
    ['1::money', 'money'],
    ['point(1, 2)', 'point'],
    ["ARRAY['\\x00'::bytea]", '_bytea'],
  ])('refuses a result of a type the Data API cannot return: %s', async (expression, typeName) => {
    const error = await failureOf(api.execute(`SELECT ${expression}`));
    expect([error.name, error.message]).toEqual([
      'UnsupportedResultException',
      `The result contains the unsupported data type ${typeName}`,
    ]);
  });

  it('refuses a multidimensional array result', async () => {
    const nested = await failureOf(api.execute('SELECT ARRAY[[1, 2], [3, 4]]'));
    expect([nested.name, nested.message]).toEqual([
      'UnsupportedResultException',
      'The result contains a multidimensional array',
    ]);
  });
});

describe('result shape', () => {
  it('reports column metadata only when includeResultMetadata is set', async () => {
    const sql = 'SELECT id, amount, label, at FROM item';
    expect((await api.execute(sql)).columnMetadata).toBeUndefined();
    const result = await api.execute(sql, [], { includeResultMetadata: true });
    expect(result.columnMetadata?.map((c) => [c.name, c.typeName])).toEqual([
      ['id', 'uuid'],
      ['amount', 'numeric'],
      ['label', 'text'],
      ['at', 'timestamptz'],
    ]);
  });

  it('counts updated records for DML and returns no records for it', async () => {
    const result = await api.execute("UPDATE item SET label = 'renamed' WHERE label IS NOT NULL");
    expect(result.numberOfRecordsUpdated).toBe(1);
    expect(result.records).toBeUndefined();
    expect(result.generatedFields).toEqual([]);
    expect((await api.execute('SELECT label FROM item')).numberOfRecordsUpdated).toBe(0);
  });
});
