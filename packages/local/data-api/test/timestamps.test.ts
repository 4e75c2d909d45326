import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, type LocalDataApi, startLocalDataApi } from './support/local-data-api';

let api: LocalDataApi;
const originalTz = process.env.TZ;

beforeAll(async () => {
  api = await startLocalDataApi();
  await api.db.exec(
    'CREATE TABLE event (n int PRIMARY KEY, at timestamptz, local_at timestamp, day date, clock time)',
  );
});

afterEach(async () => {
  await api.db.exec('TRUNCATE event');
});

afterAll(async () => {
  process.env.TZ = originalTz;
  await api.close();
});

async function readAt(n: number) {
  const result = await api.execute('SELECT at, local_at, day, clock FROM event WHERE n = :n', [
    { name: 'n', value: { longValue: n } },
  ]);
  return result.records?.[0]?.map((field) => field.stringValue);
}

// The process zone must not leak into what the server stores or returns.
describe.each(['UTC', 'America/New_York', 'Asia/Kolkata'])('with TZ=%s', (zone) => {
  beforeAll(() => {
    process.env.TZ = zone;
  });

  it('reads back a TIMESTAMP-hinted value as the same UTC wall-clock string, in both column types', async () => {
    const value = '2024-03-10 07:30:00.125';
    await api.execute('INSERT INTO event (n, at, local_at) VALUES (1, :at, :at)', [
      { name: 'at', value: { stringValue: value }, typeHint: 'TIMESTAMP' },
    ]);
    expect(await readAt(1)).toEqual([value, value, undefined, undefined]);
  });

  it('returns timestamptz in UTC without a zone, keeping microseconds and crossing the date line', async () => {
    await api.db.exec(`
      INSERT INTO event (n, at) VALUES
        (1, '2024-03-10 12:00:00.5+05:30'),
        (2, '2023-12-31 22:00:00.123456-05'),
        (3, '2024-06-01 00:15:00+00');
    `);
    const result = await api.execute('SELECT at FROM event ORDER BY n');
    expect(result.records?.map((row) => row[0]?.stringValue)).toEqual([
      '2024-03-10 06:30:00.5',
      '2024-01-01 03:00:00.123456',
      '2024-06-01 00:15:00',
    ]);
  });

  it('binds DATE and TIME hints as date and time', async () => {
    await api.execute('INSERT INTO event (n, day, clock) VALUES (1, :day, :clock)', [
      { name: 'day', value: { stringValue: '2024-02-29' }, typeHint: 'DATE' },
      { name: 'clock', value: { stringValue: '13:45:00.5' }, typeHint: 'TIME' },
    ]);
    expect(await readAt(1)).toEqual([undefined, undefined, '2024-02-29', '13:45:00.5']);
  });
});

describe('timestamp edge cases', () => {
  it('runs the session in UTC, as the Data API does', async () => {
    const result = await api.execute(
      "SELECT current_setting('TimeZone'), '2024-01-01 00:00'::timestamptz::text",
    );
    expect(result.records).toEqual([[{ stringValue: 'UTC' }, { stringValue: '2024-01-01 00:00:00+00' }]]);
  });

  it('refuses a TIMESTAMP hint in ISO format with the accepted format in the message', async () => {
    const error = await failureOf(
      api.execute('SELECT :at', [
        { name: 'at', value: { stringValue: '2024-03-10T07:30:00Z' }, typeHint: 'TIMESTAMP' },
      ]),
    );
    expect(error.name).toBe('BadRequestException');
    expect(error.message).toContain('YYYY-MM-DD HH:MM:SS[.FFF]');
  });

  it('fails with a bare InternalFailure on an infinite timestamp, like the real service', async () => {
    const error = await failureOf(api.execute("SELECT 'infinity'::timestamptz"));
    expect(error.name).toBe('InternalFailure');
    expect((error as Error & { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(
      500,
    );
  });
});
