import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/aws-data-api/pg';
import { migrate } from 'drizzle-orm/aws-data-api/pg/migrator';
import { integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, type LocalDataApi, startLocalDataApi } from './support/local-data-api';

const holding = pgTable('holding', {
  id: uuid('id').primaryKey().defaultRandom(),
  symbol: text('symbol').notNull(),
  quantity: numeric('quantity', { precision: 18, scale: 6 }).notNull(),
  allocation: jsonb('allocation').$type<Record<string, number>>().notNull().default({}),
  pricedAt: timestamp('priced_at', { withTimezone: true }),
  createdAt: timestamp('created_at').defaultNow().notNull(),
  version: integer('version').default(1).notNull(),
});

const migrationsFolder = fileURLToPath(new URL('./fixtures/migrations', import.meta.url));
const originalTz = process.env.TZ;

const drizzleOver = (local: LocalDataApi) => drizzle(local.client, local.target);

/** Drizzle wraps what the client threw in a DrizzleQueryError; the Data API's error is its cause. */
function driverError(error: Error): Error {
  return error.cause instanceof Error ? error.cause : error;
}

let api: LocalDataApi;
let db: ReturnType<typeof drizzleOver>;

beforeAll(async () => {
  api = await startLocalDataApi();
  db = drizzleOver(api);
  await migrate(db, { migrationsFolder });
});

afterEach(async () => {
  process.env.TZ = originalTz;
  await api.db.exec('TRUNCATE holding');
});

afterAll(async () => {
  await api.close();
});

async function insertHolding(values: Partial<typeof holding.$inferInsert> = {}) {
  const [row] = await db
    .insert(holding)
    .values({ symbol: 'VTI', quantity: '12.5', allocation: { us: 60.5, intl: 39.5 }, ...values })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

describe('drizzle migrate() through the local Data API', () => {
  it('applies each statement of the migration once and records it', async () => {
    await migrate(db, { migrationsFolder });
    const applied = await api.db.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    expect(applied.rows).toEqual([{ n: 1 }]);
    const row = await insertHolding();
    const [updated] = await db
      .update(holding)
      .set({ symbol: 'VXUS' })
      .where(eq(holding.id, row.id))
      .returning();
    expect(updated?.version).toBe(2);
  });
});

describe('drizzle column types', () => {
  it('round-trips uuid, numeric and jsonb columns', async () => {
    const row = await insertHolding();
    expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    const [found] = await db.select().from(holding).where(eq(holding.id, row.id));
    expect(found?.quantity).toBe('12.500000');
    expect(found?.allocation).toEqual({ us: 60.5, intl: 39.5 });
  });

  it('fails on a raw uuid comparison without a cast and works with ::uuid', async () => {
    const row = await insertHolding();
    const error = await failureOf(db.execute(sql`SELECT symbol FROM holding WHERE id = ${row.id}`));
    expect(error.message).toContain('Failed query: SELECT symbol FROM holding WHERE id = :1');
    expect(driverError(error).name).toBe('DatabaseErrorException');
    expect(driverError(error).message).toContain('operator does not exist: uuid = character varying');
    const result = await db.execute(sql`SELECT symbol FROM holding WHERE id = ${row.id}::uuid`);
    expect(result.rows).toEqual([{ symbol: 'VTI' }]);
  });

  it('reads timestamptz back as the same instant when TZ is UTC', async () => {
    process.env.TZ = 'UTC';
    const pricedAt = new Date('2024-01-15T07:30:00.250Z');
    const row = await insertHolding({ pricedAt });
    const [found] = await db.select().from(holding).where(eq(holding.id, row.id));
    expect(found?.pricedAt?.toISOString()).toBe(pricedAt.toISOString());
  });

  it('reads timestamptz shifted by the local offset when TZ is not UTC (drizzle #1164), but not timestamp', async () => {
    process.env.TZ = 'America/New_York';
    const pricedAt = new Date('2024-01-15T07:30:00.000Z');
    const createdAt = new Date('2024-01-15T07:30:00.000Z');
    const row = await insertHolding({ pricedAt, createdAt });
    const [found] = await db.select().from(holding).where(eq(holding.id, row.id));
    // The Data API returns '2024-01-15 07:30:00' for both; drizzle parses the timestamptz one as local time.
    expect((found?.pricedAt?.getTime() ?? 0) - pricedAt.getTime()).toBe(5 * 3600 * 1000);
    expect(found?.createdAt.toISOString()).toBe(createdAt.toISOString());
  });
});

describe('drizzle transactions', () => {
  it('commits on success and rolls back when the callback throws', async () => {
    await db.transaction(async (tx) => {
      await tx.insert(holding).values({ symbol: 'KEPT', quantity: '1' });
    });
    const failure = await failureOf(
      db.transaction(async (tx) => {
        await tx.insert(holding).values({ symbol: 'DROPPED', quantity: '1' });
        throw new Error('stop');
      }),
    );
    expect(failure.message).toBe('stop');
    const symbols = await db.select({ symbol: holding.symbol }).from(holding);
    expect(symbols).toEqual([{ symbol: 'KEPT' }]);
  });

  it('rolls back only a failed nested transaction (savepoint)', async () => {
    await db.transaction(async (tx) => {
      await tx.insert(holding).values({ symbol: 'OUTER', quantity: '1' });
      await failureOf(
        tx.transaction(async (inner) => {
          await inner.insert(holding).values({ symbol: 'INNER', quantity: 'not a number' });
        }),
      );
    });
    const symbols = await db.select({ symbol: holding.symbol }).from(holding);
    expect(symbols).toEqual([{ symbol: 'OUTER' }]);
  });

  it('fails Promise.all inside a transaction the way the real Data API does', async () => {
    // A separate server, so the transaction drizzle leaves open is rolled back when it closes.
    const other = await startLocalDataApi({ db: api.db });
    const local = drizzleOver(other);
    try {
      // Two warm keep-alive sockets, so the two inserts leave the client at the same moment.
      await Promise.all([local.execute(sql`SELECT 1`), local.execute(sql`SELECT 2`)]);
      const error = await failureOf(
        local.transaction(async (tx) => {
          await Promise.all([
            tx.insert(holding).values({ symbol: 'A', quantity: '1' }),
            tx.insert(holding).values({ symbol: 'B', quantity: '1' }),
          ]);
        }),
      );
      expect(driverError(error).message).toBe('Transaction is still running a query');
    } finally {
      await other.close();
    }
    expect((await api.db.query('SELECT count(*)::int AS n FROM holding')).rows).toEqual([{ n: 0 }]);
  });
});
