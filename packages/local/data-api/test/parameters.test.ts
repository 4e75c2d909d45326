import { describe, expect, it } from 'vitest';
import { DataApiError } from '../src/errors';
import { bindParameters, PARAMETER_TYPE_OIDS as OID } from '../src/parameters';
import type { SqlParameter } from '../src/requests';

const text = (name: string, stringValue: string): SqlParameter => ({ name, value: { stringValue } });

function refusal(work: () => unknown): DataApiError {
  try {
    work();
  } catch (error) {
    if (error instanceof DataApiError) return error;
    throw error;
  }
  throw new Error('expected a DataApiError');
}

describe('placeholder rewriting', () => {
  it('numbers each distinct name in order of first use and reuses the number', () => {
    const bound = bindParameters('SELECT :b, :a, :b, :1', [text('a', 'A'), text('b', 'B'), text('1', 'one')]);
    expect(bound).toEqual({
      sql: 'SELECT $1, $2, $1, $3',
      values: ['B', 'A', 'one'],
      types: [OID.varchar, OID.varchar, OID.varchar],
    });
  });

  it('leaves colons in literals, identifiers, casts and comments alone', () => {
    const sql = [
      "SELECT ':a', E'it\\'s :b', 'x''y :c', \"col:d\", '{\"k\":1}'::jsonb, :real",
      '-- :e in a comment',
      '/* :f /* nested :g */ still :h */ FROM t WHERE x = :real',
    ].join('\n');
    const bound = bindParameters(sql, [text('real', 'r')]);
    expect(bound.sql).toBe(sql.replaceAll(':real', '$1'));
  });

  it('leaves dollar-quoted bodies alone when they hold no placeholder', () => {
    const sql =
      'CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $fn$ DECLARE x int := 1; BEGIN RETURN x::int; END; $fn$';
    expect(bindParameters(sql).sql).toBe(sql);
  });

  it('refuses a placeholder inside a dollar-quoted body, which the real Data API would substitute', () => {
    const error = refusal(() => bindParameters('SELECT $$ value :v $$', [text('v', 'x')]));
    expect(error.type).toBe('BadRequestException');
    expect(error.message).toMatch(/^:v inside a dollar-quoted string/);
  });

  it('ignores a parameter the SQL does not use', () => {
    expect(bindParameters('SELECT :a', [text('a', '1'), text('unused', '2')])).toMatchObject({
      sql: 'SELECT $1',
      values: ['1'],
    });
  });

  it('names a placeholder that has no parameter, and refuses a parameter given twice', () => {
    expect(refusal(() => bindParameters('SELECT a[1:2] FROM t')).message).toContain('The SQL uses :2');
    expect(refusal(() => bindParameters('SELECT :a', [text('a', '1'), text('a', '2')])).message).toBe(
      'Parameter "a" is given more than once',
    );
  });
});

describe('parameter types', () => {
  it('types each Field and typeHint as the Data API does', () => {
    const parameters: SqlParameter[] = [
      text('plain', 'x'),
      { name: 'uuid', value: { stringValue: '6774d596-8cc8-4c20-8e98-6f2f105d62a8' }, typeHint: 'UUID' },
      { name: 'json', value: { stringValue: '{}' }, typeHint: 'JSON' },
      { name: 'decimal', value: { stringValue: '1.50' }, typeHint: 'DECIMAL' },
      { name: 'timestamp', value: { stringValue: '2024-01-02 03:04:05.678' }, typeHint: 'TIMESTAMP' },
      { name: 'date', value: { stringValue: '2024-01-02' }, typeHint: 'DATE' },
      { name: 'time', value: { stringValue: '03:04:05' }, typeHint: 'TIME' },
      { name: 'long', value: { longValue: 42 } },
      { name: 'double', value: { doubleValue: 0.5 } },
      { name: 'bool', value: { booleanValue: true } },
      { name: 'null', value: { isNull: true } },
      { name: 'nullUuid', value: { isNull: true }, typeHint: 'UUID' },
    ];
    const sql = `SELECT ${parameters.map((p) => `:${p.name}`).join(', ')}`;
    const bound = bindParameters(sql, parameters);
    expect(bound.types).toEqual([
      OID.varchar,
      OID.uuid,
      OID.jsonb,
      OID.numeric,
      OID.timestamp,
      OID.date,
      OID.time,
      OID.int8,
      OID.float8,
      OID.bool,
      OID.unknown,
      OID.uuid,
    ]);
    expect(bound.values.slice(7)).toEqual(['42', '0.5', 'true', null, null]);
  });

  it('refuses hinted strings outside the documented formats', () => {
    const date = refusal(() =>
      bindParameters('SELECT :d', [{ name: 'd', value: { stringValue: '02/01/2024' }, typeHint: 'DATE' }]),
    );
    expect(date.message).toBe(
      'Parameter "d" with typeHint DATE must be formatted as YYYY-MM-DD, got "02/01/2024"',
    );
  });
});

describe('statement checks', () => {
  it('counts statements by top-level semicolons only', () => {
    expect(refusal(() => bindParameters('SELECT 1; SELECT 2')).type).toBe('ValidationException');
    expect(bindParameters("SELECT ';'; -- trailing").sql).toBe("SELECT ';'; -- trailing");
    expect(bindParameters('DO $$ BEGIN PERFORM 1; PERFORM 2; END $$').sql).toContain('PERFORM 2');
    const atomic = 'CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END';
    expect(refusal(() => bindParameters(atomic)).type).toBe('ValidationException');
  });

  it('refuses transaction control but allows savepoints', () => {
    for (const sql of ['BEGIN', '  start transaction', 'COMMIT', '/* c */ rollback', 'END']) {
      expect(refusal(() => bindParameters(sql)).type).toBe('BadRequestException');
    }
    for (const sql of ['savepoint sp1', 'rollback to savepoint sp1', 'release savepoint sp1']) {
      expect(bindParameters(sql).sql).toBe(sql);
    }
  });
});
