import { findCause } from '@alex/errors';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type AlexDatabase, createRepositories, ResultTooLargeError, UtcTimestamp } from '../src';
import { Decimal } from '../src/rows';
import { failureOf } from './error-chain';
import { rawRows } from './raw-rows';
import { createUserJob, useTestDatabase } from './support/file-database';
import { TEST_DRIVER } from './support/test-database';

const MINUTE = 60_000;

// What raw `db.execute` returns for a numeric, a bigint and a timestamptz differs by driver; the repositories
// hide it (row schemas), raw SQL does not.
const RAW_VALUES = {
  pglite: {
    numeric: '1.50',
    bigint: 10_000_000_000,
    timestamptz: /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?\+00$/,
  },
  postgres: {
    numeric: '1.50',
    bigint: '10000000000',
    timestamptz: /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?\+00$/,
  },
  'data-api': {
    numeric: '1.50',
    bigint: 10_000_000_000,
    timestamptz: /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/,
  },
} as const;

describe(`Data API pitfalls on ${TEST_DRIVER}`, () => {
  const database = useTestDatabase();
  const newJob = (clerkUserId: string) =>
    createUserJob(database.repos, clerkUserId, { jobType: 'risk_assessment', requestPayload: { n: 1 } });

  it('binds uuid and jsonb parameters of raw SQL given explicit casts', async () => {
    const job = await newJob('pit_params');
    const payload = { summary: 'ünïcödé ✓', values: [0.1, 2.5], nested: { ok: true } };
    await database.db.execute(
      sql`update jobs set summary_payload = ${JSON.stringify(payload)}::jsonb where id = ${job.id}::uuid`,
    );
    const rows = await rawRows(
      database.db,
      sql`select id, summary_payload ->> 'summary' as summary from jobs where id = ${job.id}::uuid`,
    );
    expect(rows).toEqual([{ id: job.id, summary: 'ünïcödé ✓' }]);
    expect((await database.repos.jobs.find(job.id))?.summaryPayload).toEqual(payload);
  });

  it.runIf(TEST_DRIVER === 'data-api')(
    'refuses a uuid comparison with an uncast string parameter',
    async () => {
      const job = await newJob('pit_uncast');
      const failure = await failureOf(database.db.execute(sql`select id from jobs where id = ${job.id}`));
      expect(failure.text).toMatch(/operator does not exist: uuid = (text|character varying)/);
    },
  );

  it('returns numeric columns through the repositories as exact numbers', async () => {
    await database.repos.instruments.upsertMany([
      { symbol: 'TINY', name: 'Tiny', currentPrice: 0.0001 },
      { symbol: 'HUGE', name: 'Huge', currentPrice: 12345678.1234 },
    ]);
    const [huge, tiny] = await database.repos.instruments.findMany(['TINY', 'HUGE']);
    expect([huge?.currentPrice, tiny?.currentPrice]).toEqual([12345678.1234, 0.0001]);
    await database.repos.users.upsert({
      clerkUserId: 'pit_numeric',
      displayName: null,
      yearsUntilRetirement: 1,
      targetRetirementIncome: 98765.43,
    });
    await database.repos.portfolios.replaceAccounts('pit_numeric', [
      {
        accountName: 'Exact',
        accountPurpose: null,
        cashBalance: 12345678.91,
        cashInterest: 0.0425,
        positions: [
          { symbol: 'TINY', quantity: 0.12345678 },
          { symbol: 'HUGE', quantity: 1234567.00000001 },
        ],
      },
    ]);
    const portfolio = await database.repos.portfolios.load('pit_numeric');
    expect(portfolio?.user.targetRetirementIncome).toBe(98765.43);
    const [account] = portfolio?.accounts ?? [];
    expect([account?.cashBalance, account?.cashInterest]).toEqual([12345678.91, 0.0425]);
    expect(account?.positions.map((p) => [p.symbol, p.quantity])).toEqual([
      ['HUGE', 1234567.00000001],
      ['TINY', 0.12345678],
    ]);
  });

  it('reads a numeric below 0.000001, which the Data API writes in exponent notation, as the exact number', async () => {
    const [raw] = await rawRows(database.db, sql`select 0.00000001::numeric(20, 8) as q`);
    expect(raw?.q).toBe(TEST_DRIVER === 'data-api' ? '1E-8' : '0.00000001');
    await database.repos.instruments.upsertMany([{ symbol: 'DUST', name: 'Dust', currentPrice: 1 }]);
    await database.repos.users.upsert({
      clerkUserId: 'pit_exponent',
      displayName: null,
      yearsUntilRetirement: null,
      targetRetirementIncome: null,
    });
    await database.repos.portfolios.replaceAccounts('pit_exponent', [
      {
        accountName: 'Dust',
        accountPurpose: null,
        cashBalance: 0,
        cashInterest: 0,
        positions: [{ symbol: 'DUST', quantity: 0.00000001 }],
      },
    ]);
    const portfolio = await database.repos.portfolios.load('pit_exponent');
    expect(portfolio?.accounts[0]?.positions.map((p) => p.quantity)).toEqual([0.00000001]);
    expect(['1E+2', '1E-7', '-1.5E-8', '0E-8', '12.50'].map((text) => Decimal.parse(text))).toEqual([
      100, 1e-7, -1.5e-8, 0, 12.5,
    ]);
  });

  it(`returns raw numeric, bigint and timestamptz values the way ${TEST_DRIVER} does`, async () => {
    const [row] = await rawRows(
      database.db,
      sql`select 1.50::numeric as numeric, 10000000000::bigint as bigint, now() as timestamptz`,
    );
    const expected = RAW_VALUES[TEST_DRIVER];
    expect(row?.numeric).toBe(expected.numeric);
    expect(row?.bigint).toBe(expected.bigint);
    expect(row?.timestamptz).toMatch(expected.timestamptz);
  });

  it('reads timestamps in UTC although the process runs in America/New_York', async () => {
    expect(new Date('2024-01-15T12:00:00').getTimezoneOffset()).toBe(300);
    const job = await newJob('pit_time');
    const [clock] = await rawRows(database.db, sql`select now() as now`);
    const databaseNow = UtcTimestamp.parse(clock?.now);
    expect(Math.abs(databaseNow.getTime() - Date.now())).toBeLessThan(MINUTE);
    expect(Math.abs(job.createdAt.getTime() - databaseNow.getTime())).toBeLessThan(MINUTE);

    const instant = '2024-06-01T12:34:56.789Z';
    await database.db.execute(
      sql`update jobs set completed_at = ${instant}::timestamptz where id = ${job.id}::uuid`,
    );
    expect((await database.repos.jobs.find(job.id))?.completedAt?.toISOString()).toBe(instant);
  });

  it('parses zone-less timestamp text as UTC and honours explicit offsets', () => {
    const iso = (text: string) => UtcTimestamp.parse(text).toISOString();
    expect(iso('2024-01-15 12:00:00')).toBe('2024-01-15T12:00:00.000Z');
    expect(iso('2024-01-15 12:00:00.123456')).toBe('2024-01-15T12:00:00.123Z');
    expect(iso('2024-01-15 12:00:00+00')).toBe('2024-01-15T12:00:00.000Z');
    expect(iso('2024-01-15 07:00:00-05')).toBe('2024-01-15T12:00:00.000Z');
    expect(iso('2024-01-15 17:30:00+05:30')).toBe('2024-01-15T12:00:00.000Z');
    expect(UtcTimestamp.safeParse('yesterday').success).toBe(false);
  });

  it('writes nothing when a transaction throws', async () => {
    const work = database.db.transaction(async (tx) => {
      const scoped = createRepositories(tx as unknown as AlexDatabase);
      await scoped.users.upsert({
        clerkUserId: 'pit_rollback',
        displayName: null,
        yearsUntilRetirement: null,
        targetRetirementIncome: null,
      });
      await scoped.jobs.create({
        clerkUserId: 'pit_rollback',
        jobType: 'risk_assessment',
        requestPayload: null,
      });
      throw new Error('abandon the transaction');
    });
    await expect(work).rejects.toThrow('abandon the transaction');
    expect(await database.repos.users.find('pit_rollback')).toBeNull();
    expect(await database.repos.jobs.listByUser('pit_rollback')).toEqual([]);
  });

  it('commits a transaction whose reads see its own writes', async () => {
    const jobId = await database.db.transaction(async (tx) => {
      const scoped = createRepositories(tx as unknown as AlexDatabase);
      await scoped.users.upsert({
        clerkUserId: 'pit_commit',
        displayName: 'In tx',
        yearsUntilRetirement: 3,
        targetRetirementIncome: null,
      });
      const job = await scoped.jobs.create({
        clerkUserId: 'pit_commit',
        jobType: 'risk_assessment',
        requestPayload: null,
      });
      expect(await scoped.jobs.claim(job.id)).toMatchObject({ ok: true, job: { status: 'running' } });
      expect((await scoped.users.find('pit_commit'))?.displayName).toBe('In tx');
      expect((await scoped.jobs.listByUser('pit_commit')).map((j) => [j.id, j.status])).toEqual([
        [job.id, 'running'],
      ]);
      return job.id;
    });
    expect(await database.repos.jobs.find(jobId)).toMatchObject({ status: 'running', attempts: 1 });
    expect((await database.repos.users.find('pit_commit'))?.yearsUntilRetirement).toBe(3);
  });

  it.runIf(TEST_DRIVER === 'data-api')('refuses a result over 1 MiB with ResultTooLargeError', async () => {
    const error = await database.db
      .execute(sql`select repeat('x', 60000) as part from generate_series(1, 20)`)
      .catch((caught: unknown) => caught);
    expect(findCause(error, ResultTooLargeError)?.message).toMatch(/1 MiB/);
  });

  it.runIf(TEST_DRIVER === 'data-api')('refuses a row over 64 KB with ResultTooLargeError', async () => {
    const error = await database.db
      .execute(sql`select repeat('x', 1100000) as big`)
      .catch((caught: unknown) => caught);
    expect(findCause(error, ResultTooLargeError)?.message).toMatch(/64 KB per row/);
  });

  it.runIf(TEST_DRIVER === 'data-api')(
    'refuses many rows adding up to over 1 MiB with ResultTooLargeError',
    async () => {
      await newJob('pit_large');
      for (let n = 0; n < 25; n++) {
        await database.repos.jobs.create({
          clerkUserId: 'pit_large',
          jobType: 'risk_assessment',
          requestPayload: { text: 'y'.repeat(50_000) },
        });
      }
      const failure = await failureOf(database.repos.jobs.listByUser('pit_large', 30));
      expect(failure.errors.some((error) => error instanceof ResultTooLargeError)).toBe(true);
    },
  );

  it.skipIf(TEST_DRIVER === 'data-api')(
    'returns results over 1 MiB on drivers without the Data API limit',
    async () => {
      const [row] = await rawRows<{ big: string }>(database.db, sql`select repeat('x', 1100000) as big`);
      expect(row?.big).toHaveLength(1_100_000);
    },
  );
});
