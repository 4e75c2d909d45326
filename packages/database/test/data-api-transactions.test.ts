import { findCause } from '@alex/errors';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type AlexDatabase, type ClaimResult, createRepositories, ResultTooLargeError } from '../src';
import { rawRows } from './raw-rows';
import { DATA_API_BACKEND } from './support/data-api-database';
import { createUserJob, useTestDatabase } from './support/file-database';
import { TEST_DRIVER } from './support/test-database';

const claimer = (name: string) => ({ owner: `lambda:${name}`, leaseMs: 120_000 });
const scoped = (tx: unknown) => createRepositories(tx as AlexDatabase);
// Twenty rows of 60 000 bytes: each under the 64 KB row limit, together over the 1 MiB response limit.
const OVER_ONE_MIB = sql`select repeat('x', 60000) as part from generate_series(1, 20)`;
const ROLLBACK_FAILED = /\(rolling the transaction back failed too: Transaction \S+ is not found/;

async function rejectionOf(work: Promise<unknown>): Promise<Error> {
  const error = await work.then(
    () => new Error('expected the transaction to fail, but it committed'),
    (caught: unknown) => caught,
  );
  if (!(error instanceof Error)) throw new Error(`rejected with a non-Error: ${String(error)}`);
  return error;
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the condition never held');
}

describe.runIf(TEST_DRIVER === 'data-api')(`Data API transactions over ${DATA_API_BACKEND}`, () => {
  const database = useTestDatabase();

  it('rethrows the size error that ended a transaction, not the failed rollback, and writes nothing', async () => {
    const failure = await rejectionOf(
      database.db.transaction(async (tx) => {
        await createUserJob(scoped(tx), 'tx_overflow');
        await tx.execute(OVER_ONE_MIB);
      }),
    );
    expect(findCause(failure, ResultTooLargeError)?.message).toMatch(/1 MiB/);
    expect(failure.message).toMatch(ROLLBACK_FAILED);
    expect(await database.repos.users.find('tx_overflow')).toBeNull();
  });

  it('rethrows the caller’s own error when the service had already ended the transaction', async () => {
    const own = new Error('the report is too large to load');
    const failure = await rejectionOf(
      database.db.transaction(async (tx) => {
        await tx.execute(OVER_ONE_MIB).catch(() => {
          throw own;
        });
      }),
    );
    expect(failure).toBe(own);
    expect(failure.message).toMatch(
      /^the report is too large to load \(rolling the transaction back failed too/,
    );
  });

  it('keeps the failed commit’s error when the rollback after it fails too', async () => {
    const failure = await rejectionOf(
      database.db.transaction(async (tx) => {
        // A statement that fails inside the transaction aborts it, even though the caller swallows the error.
        await tx.execute(sql`select 1 / 0`).catch(() => undefined);
      }),
    );
    expect(failure.message).toMatch(
      /^Transaction \S+ is not found: Transaction has been aborted due to an error from a previous call\./,
    );
    expect(failure.message).toMatch(ROLLBACK_FAILED);
  });

  it('lets exactly one of 25 concurrent transactions claim the same job', async () => {
    const job = await createUserJob(database.repos, 'tx_race');
    const results: ClaimResult[] = await Promise.all(
      Array.from({ length: 25 }, (_, n) =>
        database.db.transaction((tx) => scoped(tx).jobs.claim(job.id, claimer(`tx-${n}`))),
      ),
    );
    const winners = results.filter((result) => result.ok);
    expect(winners).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.error.reason === 'busy')).toHaveLength(24);
    expect(await database.repos.jobs.find(job.id)).toMatchObject({ status: 'running', attempts: 1 });
  });

  // More ended transactions than the endpoint has pooled connections: each one's connection must come back.
  it.runIf(DATA_API_BACKEND === 'postgres')(
    'frees the connection of every transaction the service ends',
    async () => {
      for (let n = 0; n < 12; n++) {
        const failure = await rejectionOf(database.db.transaction((tx) => tx.execute(OVER_ONE_MIB)));
        expect(findCause(failure, ResultTooLargeError)).not.toBeNull();
      }
      expect(
        await database.db.transaction(async (tx) =>
          rawRows(tx as unknown as AlexDatabase, sql`select 1 as one`),
        ),
      ).toEqual([{ one: 1 }]);
    },
  );

  // PGlite's endpoint would hold the second BeginTransaction until the first transaction ended: this deadlocks there.
  it.runIf(DATA_API_BACKEND === 'postgres')(
    'runs two transactions at once, the second waiting on the row the first claimed until it commits',
    async () => {
      const job = await createUserJob(database.repos, 'tx_lock');
      let letFirstCommit = () => {};
      const firstMayCommit = new Promise<void>((resolve) => {
        letFirstCommit = resolve;
      });
      let firstClaimed = () => {};
      const claimedByFirst = new Promise<void>((resolve) => {
        firstClaimed = resolve;
      });
      const first = database.db.transaction(async (tx) => {
        const result = await scoped(tx).jobs.claim(job.id, claimer('first'));
        firstClaimed();
        await firstMayCommit;
        return result;
      });
      await claimedByFirst;
      const second = database.db.transaction((tx) => scoped(tx).jobs.claim(job.id, claimer('second')));
      // Seen from a third connection: the second transaction's UPDATE waits for the first one's row lock.
      const waiting = sql`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`;
      await until(async () => (await rawRows<{ n: number }>(database.db, waiting))[0]?.n === 1);
      letFirstCommit();
      const [won, lost] = await Promise.all([first, second]);
      expect(won).toMatchObject({ ok: true, job: { claimedBy: 'lambda:first' } });
      expect(lost).toMatchObject({ ok: false, error: { reason: 'busy', claimedBy: 'lambda:first' } });
    },
  );
});
