import { TEST_USER_ID } from '@alex/database';
import { reusablePglite } from '@alex/database/scratch';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { openPgliteTemplate, openSeededDatabase, type SeededDatabase } from '../src';

/** Every row of every table the tests use, in a stable order. */
async function contents(query: (text: string) => Promise<{ rows: unknown[] }>) {
  const tables = await query(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  const all: Record<string, unknown[]> = {};
  for (const { tablename } of tables.rows as { tablename: string }[]) {
    all[tablename] = (await query(`SELECT * FROM public.${tablename} ORDER BY 1`)).rows;
  }
  return all;
}

/** The PGlite client a database's queries run on (drizzle keeps it as `$client`), for SQL of the test's own. */
const clientOf = (database: SeededDatabase) => (database.handle.db as unknown as { $client: PGlite }).$client;
const rowsOf = (database: SeededDatabase) => (text: string) => clientOf(database).query(text);

/** Changes every kind of row a test can change: new rows, updated rows, deleted rows. */
async function dirty(database: SeededDatabase) {
  const { repos } = database;
  await repos.jobs.create({ clerkUserId: TEST_USER_ID, jobType: 'portfolio_analysis', requestPayload: {} });
  await repos.users.upsert({
    clerkUserId: TEST_USER_ID,
    displayName: 'Changed',
    yearsUntilRetirement: 1,
    targetRetirementIncome: 1,
  });
  await repos.users.upsert({
    clerkUserId: 'another',
    displayName: 'B',
    yearsUntilRetirement: null,
    targetRetirementIncome: null,
  });
  await clientOf(database).exec('DELETE FROM market_notes');
  await clientOf(database).exec(
    "SET TIME ZONE 'Asia/Tokyo'; CREATE TEMP TABLE users (x int); PREPARE named AS SELECT 1; SELECT pg_advisory_lock(7)",
  );
  // Left open: nothing after the restore may run inside it.
  await clientOf(database).exec('BEGIN; INSERT INTO market_notes SELECT * FROM alex_test_seed.market_notes');
}

describe('openSeededDatabase', () => {
  const marker = 'alex_test_reuse_marker';
  afterAll(async () => {
    const database = await openSeededDatabase();
    await clientOf(database).exec(`DROP SCHEMA IF EXISTS ${marker} CASCADE`);
    await database.close();
  });

  it('gives a database closed after changes back with exactly the seeded rows and settings', async () => {
    const fresh = await openPgliteTemplate('seeded');
    const seeded = await contents((text) => fresh.query(text));
    await fresh.close();
    expect(seeded.instruments).toHaveLength(22);

    const first = await openSeededDatabase();
    // An empty schema, outside the tables that are put back: shows whether the next open is this same database.
    await clientOf(first).exec(`CREATE SCHEMA ${marker}`);
    await dirty(first);
    expect(await contents(rowsOf(first))).not.toEqual(seeded);
    await first.close();

    const second = await openSeededDatabase();
    const schemas = await clientOf(second).query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [marker]);
    expect(schemas.rows).toHaveLength(1);
    expect(await contents(rowsOf(second))).toEqual(seeded);
    // No transaction left open from the first borrower: this statement runs in one that has written nothing.
    const open = await clientOf(second).query('SELECT pg_current_xact_id_if_assigned() AS xact');
    expect(open.rows).toEqual([{ xact: null }]);
    const zone = await clientOf(second).query('SHOW TIME ZONE');
    expect(zone.rows).not.toEqual([{ TimeZone: 'Asia/Tokyo' }]);
    // The temporary `users` that hid the real one, the prepared statement and the lock went with the session.
    await clientOf(second).exec('PREPARE named AS SELECT 1');
    const locks = await clientOf(second).query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory'");
    expect(locks.rows).toEqual([]);
    await second.close();
  });

  it('lends a fresh database instead of one whose schema a test changed', async () => {
    const changed = await openSeededDatabase();
    await clientOf(changed).exec(`ALTER TABLE users ADD COLUMN extra int; CREATE SCHEMA ${marker}_changed`);
    await changed.close();
    const next = await openSeededDatabase();
    const columns = await clientOf(next).query(
      "SELECT 1 FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'extra'",
    );
    expect(columns.rows).toEqual([]);
    const schemas = await clientOf(next).query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [
      `${marker}_changed`,
    ]);
    expect(schemas.rows).toEqual([]);
    expect(() => clientOf(next).listen).toThrow(/does not support listen/);
    await next.close();
  });

  it('refuses any use after close, through the repositories or the handle', async () => {
    const database = await openSeededDatabase();
    await database.close();
    // Drizzle wraps what the client threw in a "Failed query" error.
    await expect(database.repos.users.find(TEST_USER_ID)).rejects.toMatchObject({
      cause: expect.objectContaining({ message: expect.stringMatching(/revoked/) }),
    });
    await expect(async () => database.handle.migrate()).rejects.toThrow(/revoked/);
  });

  it('closes once however often it is closed, through itself or its handle', async () => {
    const database = await openSeededDatabase();
    await Promise.all([database.close(), database.handle.close(), database.close()]);
    const next = await openSeededDatabase();
    expect(await next.repos.users.find(TEST_USER_ID)).toMatchObject({ displayName: 'Test User' });
    await next.close();
  });

  it('hands out separate databases to tests open at the same time', async () => {
    const [a, b] = await Promise.all([openSeededDatabase(), openSeededDatabase()]);
    await a.repos.users.upsert({
      clerkUserId: 'only_in_a',
      displayName: 'A',
      yearsUntilRetirement: null,
      targetRetirementIncome: null,
    });
    expect(await b.repos.users.find('only_in_a')).toBeNull();
    await Promise.all([a.close(), b.close()]);
  });
});

describe('reusablePglite without a snapshot', () => {
  it('gives a released database back empty, with the same tables', async () => {
    const migrated = reusablePglite(() => openPgliteTemplate('migrated'));
    const first = await migrated.take();
    await first.client.exec(
      "INSERT INTO users (clerk_user_id, display_name) VALUES ('left_behind', 'L'); CREATE SCHEMA kept_marker",
    );
    await first.release();
    const second = await migrated.take();
    expect(
      (await second.client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', ['kept_marker'])).rows,
    ).toHaveLength(1);
    expect((await second.client.query('SELECT count(*)::int AS n FROM users')).rows).toEqual([{ n: 0 }]);
    await second.client.close();
    await second.release();
  });
});
