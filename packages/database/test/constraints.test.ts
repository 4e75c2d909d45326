import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlexDatabase } from '../src';
import * as schema from '../src/schema';
import { failureOf } from './error-chain';
import { rawRows } from './raw-rows';
import { useTestDatabase } from './support/file-database';
import { TEST_DRIVER } from './support/test-database';

// SQLSTATE codes; the Data API reports only the database's message, so there the constraint name must do.
const CHECK_VIOLATION = '23514';
const FOREIGN_KEY_VIOLATION = '23503';
const UNIQUE_VIOLATION = '23505';

describe(`database constraints on ${TEST_DRIVER}`, () => {
  const database = useTestDatabase();
  let db: AlexDatabase;

  beforeAll(async () => {
    db = database.db;
    await db.insert(schema.instruments).values({ symbol: 'CON', name: 'Constraint Fund' });
  });

  async function expectViolation(statement: PromiseLike<unknown>, constraint: string, code: string) {
    const failure = await failureOf(statement);
    expect(failure.text).toContain(constraint);
    if (TEST_DRIVER === 'data-api') expect(failure.text).toMatch(/violates/);
    else expect(failure.code).toBe(code);
  }

  async function newAccount(clerkUserId: string) {
    await db.insert(schema.users).values({ clerkUserId });
    const [account] = await db
      .insert(schema.accounts)
      .values({ clerkUserId, accountName: 'Main' })
      .returning({ id: schema.accounts.id });
    if (!account) throw new Error('no account written');
    return account.id;
  }

  it('rejects a zero or negative quantity', async () => {
    const accountId = await newAccount('con_quantity');
    for (const quantity of [0, -1, -0.00000001]) {
      await expectViolation(
        db.insert(schema.positions).values({ accountId, symbol: 'CON', quantity }),
        'positions_quantity_positive',
        CHECK_VIOLATION,
      );
    }
    const rows = await db.select().from(schema.positions).where(eq(schema.positions.accountId, accountId));
    expect(rows).toEqual([]);
  });

  it('accepts allocation maps summing to 100 within 0.05 or empty, and rejects others', async () => {
    const write = (symbol: string, allocationRegions: unknown) =>
      db.insert(schema.instruments).values({ symbol, name: symbol, allocationRegions });
    await expectViolation(
      write('ALLOC1', { north_america: 60, europe: 39.9 }),
      'instruments_regions_sum',
      CHECK_VIOLATION,
    );
    await expectViolation(
      write('ALLOC2', { north_america: 100.06 }),
      'instruments_regions_sum',
      CHECK_VIOLATION,
    );
    await expectViolation(
      write('ALLOC3', { north_america: 110, europe: -10 }),
      'instruments_regions_sum',
      CHECK_VIOLATION,
    );
    await write('ALLOC4', { north_america: 60, europe: 40.04 });
    await write('ALLOC5', {});
    const stored = await db
      .select()
      .from(schema.instruments)
      .where(sql`${schema.instruments.symbol} like 'ALLOC%'`);
    expect(stored.map((row) => [row.symbol, row.allocationRegions]).sort()).toEqual([
      ['ALLOC4', { north_america: 60, europe: 40.04 }],
      ['ALLOC5', {}],
    ]);
  });

  it('rejects an allocation map with a value that is not a number', async () => {
    await expectViolation(
      db
        .insert(schema.instruments)
        .values({ symbol: 'TXT1', name: 'x', allocationSectors: { technology: '100' } }),
      'instruments_sectors_sum',
      CHECK_VIOLATION,
    );
    await expectViolation(
      db
        .insert(schema.users)
        .values({ clerkUserId: 'con_targets', assetClassTargets: { equity: 100, cash: null } }),
      'users_asset_class_targets_sum',
      CHECK_VIOLATION,
    );
    await expectViolation(
      db.insert(schema.instruments).values({ symbol: 'TXT2', name: 'x', allocationAssetClass: [100] }),
      'instruments_asset_class_sum',
      CHECK_VIOLATION,
    );
  });

  it('rejects a negative cash balance', async () => {
    await db.insert(schema.users).values({ clerkUserId: 'con_cash' });
    await expectViolation(
      db.insert(schema.accounts).values({ clerkUserId: 'con_cash', accountName: 'Main', cashBalance: -0.01 }),
      'accounts_cash_non_negative',
      CHECK_VIOLATION,
    );
  });

  it('rejects a job status outside pending, running, completed and failed', async () => {
    await db.insert(schema.users).values({ clerkUserId: 'con_status' });
    const job = { clerkUserId: 'con_status', jobType: 'portfolio_analysis' };
    await expectViolation(
      db.insert(schema.jobs).values({ ...job, status: 'done' }),
      'jobs_status_valid',
      CHECK_VIOLATION,
    );
    const [row] = await db.insert(schema.jobs).values(job).returning({ id: schema.jobs.id });
    await expectViolation(
      db
        .update(schema.jobs)
        .set({ status: 'RUNNING' })
        .where(eq(schema.jobs.id, row?.id ?? '')),
      'jobs_status_valid',
      CHECK_VIOLATION,
    );
  });

  it.each([
    {
      refused: 'a position whose symbol has no instrument',
      user: 'con_fk',
      held: [],
      position: { symbol: 'NOPE', quantity: 1 },
      constraint: 'positions_symbol_instruments_symbol_fk',
      code: FOREIGN_KEY_VIOLATION,
    },
    {
      refused: 'a second position of the same symbol in one account',
      user: 'con_unique',
      held: [{ symbol: 'CON', quantity: 1 }],
      position: { symbol: 'CON', quantity: 2 },
      constraint: 'positions_account_id_symbol_key',
      code: UNIQUE_VIOLATION,
    },
  ])('rejects $refused', async ({ user, held, position, constraint, code }) => {
    const accountId = await newAccount(user);
    for (const row of held) await db.insert(schema.positions).values({ accountId, ...row });
    await expectViolation(db.insert(schema.positions).values({ accountId, ...position }), constraint, code);
  });

  it('deletes a user’s accounts, positions and jobs with the user', async () => {
    const accountId = await newAccount('con_cascade');
    await db.insert(schema.positions).values({ accountId, symbol: 'CON', quantity: 3 });
    await db.insert(schema.jobs).values({ clerkUserId: 'con_cascade', jobType: 'portfolio_analysis' });
    await newAccount('con_survivor');
    const count = async () => {
      const [counts] = await rawRows(
        db,
        sql`select (select count(*) from accounts where clerk_user_id = 'con_cascade')::int as accounts,
                   (select count(*) from positions where account_id = ${accountId}::uuid)::int as positions,
                   (select count(*) from jobs where clerk_user_id = 'con_cascade')::int as jobs,
                   (select count(*) from accounts where clerk_user_id = 'con_survivor')::int as survivors`,
      );
      return counts;
    };
    expect(await count()).toEqual({ accounts: 1, positions: 1, jobs: 1, survivors: 1 });
    await db.delete(schema.users).where(eq(schema.users.clerkUserId, 'con_cascade'));
    expect(await count()).toEqual({ accounts: 0, positions: 0, jobs: 0, survivors: 1 });
    expect(
      await db.select().from(schema.instruments).where(eq(schema.instruments.symbol, 'CON')),
    ).toHaveLength(1);
  });

  it('sets updated_at on every update, whatever the statement sets it to', async () => {
    const old = '2000-01-01T00:00:00.000Z';
    await db.insert(schema.instruments).values({ symbol: 'TRIG', name: 'Before', updatedAt: old });
    await db
      .update(schema.instruments)
      .set({ name: 'After', updatedAt: old })
      .where(eq(schema.instruments.symbol, 'TRIG'));
    const [row] = await rawRows<{ age: number; name: string }>(
      db,
      sql`select extract(epoch from now() - updated_at)::float8 as age, name from instruments where symbol = 'TRIG'`,
    );
    expect(row?.name).toBe('After');
    expect(row?.age).toBeGreaterThanOrEqual(0);
    expect(row?.age).toBeLessThan(60);
  });
});
