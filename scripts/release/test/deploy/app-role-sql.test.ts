import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { type DatabaseHandle, seedDatabase } from '@alex/database';
import { openPostgresDatabase } from '@alex/database/postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRoleStatements, quoteIdentifier, scramSha256Verifier } from '../../src/deploy/app-role-sql';

// The role SQL runs against the PostgreSQL 15 test server the way the deploy runs it on Aurora: as a
// non-superuser with CREATEROLE that owns the database and ran the migrations (Aurora's master user).
const startScript = fileURLToPath(new URL('../../../ci/start-postgres.sh', import.meta.url));
const suffix = randomBytes(4).toString('hex');
const OWNER = `alex_owner_${suffix}`;
const APP = `alex_app_${suffix}`;
const DATABASE = `alex_roles_${suffix}`;
const PROBE = `alex_scram_${suffix}`;

let serverUrl: string;
let startedHere = false;
let admin: DatabaseHandle;
let owner: DatabaseHandle;
let app: DatabaseHandle;

function urlFor(user: string, database: string): string {
  const url = new URL(serverUrl);
  url.username = user;
  url.password = 'unused-by-trust-auth';
  url.pathname = `/${database}`;
  return url.toString();
}

async function rows<T>(handle: DatabaseHandle, statement: string): Promise<T[]> {
  const result = await handle.db.execute(statement);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** The server's error message for a statement the role may not run (drizzle wraps it in `cause`). */
async function refusal(handle: DatabaseHandle, statement: string): Promise<string> {
  try {
    await handle.db.execute(statement);
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : String(error);
  }
  return `no error: ${statement}`;
}

async function applyRole(verifier: string) {
  for (const statement of appRoleStatements({ role: APP, passwordVerifier: verifier, database: DATABASE })) {
    await owner.db.execute(statement);
  }
}

beforeAll(async () => {
  startedHere = !process.env.ALEX_TEST_POSTGRES_URL;
  serverUrl =
    process.env.ALEX_TEST_POSTGRES_URL ??
    execFileSync('bash', [startScript], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  admin = await openPostgresDatabase({ url: serverUrl, maxConnections: 1 });
  await admin.db.execute(`CREATE ROLE ${OWNER} LOGIN CREATEROLE`);
  await admin.db.execute(`CREATE DATABASE ${DATABASE} OWNER ${OWNER}`);
  owner = await openPostgresDatabase({ url: urlFor(OWNER, DATABASE), maxConnections: 1 });
  await owner.migrate();
  await applyRole(scramSha256Verifier('first-password-0123456789'));
  app = await openPostgresDatabase({ url: urlFor(APP, DATABASE), maxConnections: 1 });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await owner?.close();
  if (!admin) return;
  await admin.db.execute(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  for (const role of [APP, OWNER, PROBE]) await admin.db.execute(`DROP ROLE IF EXISTS ${role}`);
  await admin.close();
  // Stops only a server this file started (the script leaves one it found running alone).
  if (startedHere) execFileSync('bash', [startScript, 'stop'], { stdio: 'inherit' });
});

describe('appRoleStatements on PostgreSQL', () => {
  it('lets the application role run the repositories: seed, read, update and delete rows', async () => {
    const seeded = await seedDatabase(app.db);
    expect(seeded.instruments).toBeGreaterThan(0);
    await app.db.execute(`UPDATE users SET display_name = 'Renamed' WHERE clerk_user_id = 'test_user_001'`);
    const [user] = await rows<{ display_name: string }>(
      app,
      `SELECT display_name FROM users WHERE clerk_user_id = 'test_user_001'`,
    );
    expect(user?.display_name).toBe('Renamed');
    await app.db.execute(`DELETE FROM users WHERE clerk_user_id = 'test_user_001'`);
    expect(await rows(app, `SELECT 1 FROM accounts WHERE clerk_user_id = 'test_user_001'`)).toEqual([]);
  });

  it('refuses the application role any DDL: create, drop, alter or truncate a table', async () => {
    expect(await refusal(app, 'CREATE TABLE intruder (id int)')).toMatch(
      /permission denied for schema public/,
    );
    expect(await refusal(app, 'DROP TABLE jobs')).toMatch(/must be owner of table jobs/);
    expect(await refusal(app, 'ALTER TABLE jobs ADD COLUMN x int')).toMatch(/must be owner of table jobs/);
    expect(await refusal(app, 'TRUNCATE market_notes')).toMatch(/permission denied for table/);
    expect(await refusal(app, 'DROP FUNCTION update_updated_at_column() CASCADE')).toMatch(
      /must be owner of function/,
    );
  });

  it('gives the role no ownership and no role attributes beyond LOGIN', async () => {
    const owned = await rows(
      admin,
      `SELECT 1 FROM pg_roles r JOIN pg_database d ON d.datdba = r.oid WHERE r.rolname = '${APP}'`,
    );
    expect(owned).toEqual([]);
    const [attributes] = await rows<Record<string, boolean>>(
      admin,
      `SELECT rolcanlogin, rolsuper, rolcreaterole, rolcreatedb, rolreplication FROM pg_roles WHERE rolname = '${APP}'`,
    );
    expect(attributes).toEqual({
      rolcanlogin: true,
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolreplication: false,
    });
  });

  it("covers a table a later migration creates, through the migrations' user's default privileges", async () => {
    await owner.db.execute(
      'CREATE TABLE later_migration (id integer GENERATED ALWAYS AS IDENTITY, note text)',
    );
    await app.db.execute(`INSERT INTO later_migration (note) VALUES ('written by the app')`);
    expect(await rows(app, 'SELECT note FROM later_migration')).toEqual([{ note: 'written by the app' }]);
    expect(await refusal(app, 'DROP TABLE later_migration')).toMatch(/must be owner/);
  });

  it('runs again without error and sets the new password', async () => {
    const verifier = scramSha256Verifier('second-password-0123456789');
    await applyRole(verifier);
    await applyRole(verifier);
    const [stored] = await rows<{ rolpassword: string }>(
      admin,
      `SELECT rolpassword FROM pg_authid WHERE rolname = '${APP}'`,
    );
    expect(stored?.rolpassword).toBe(verifier);
    expect(await rows(app, `SELECT count(*)::int AS n FROM instruments WHERE symbol = 'SPY'`)).toEqual([
      { n: 1 },
    ]);
  });
});

describe('scramSha256Verifier', () => {
  it('derives the same keys PostgreSQL stores for the password, given its salt and iterations', async () => {
    await admin.db.execute(`CREATE ROLE ${PROBE} PASSWORD 'pencil-and-paper-42'`);
    const [stored] = await rows<{ rolpassword: string }>(
      admin,
      `SELECT rolpassword FROM pg_authid WHERE rolname = '${PROBE}'`,
    );
    const match = /^SCRAM-SHA-256\$(\d+):([^$]+)\$/.exec(stored?.rolpassword ?? '');
    expect(match).not.toBeNull();
    const [, iterations, salt] = match ?? [];
    expect(
      scramSha256Verifier('pencil-and-paper-42', Buffer.from(salt ?? '', 'base64'), Number(iterations)),
    ).toBe(stored?.rolpassword);
  });

  it('uses a fresh salt each time and refuses a password that is not printable ASCII', () => {
    expect(scramSha256Verifier('same-password')).not.toBe(scramSha256Verifier('same-password'));
    expect(() => scramSha256Verifier("it's")).not.toThrow();
    expect(() => scramSha256Verifier('pässword')).toThrow(/printable ASCII/);
    expect(() => scramSha256Verifier('two words')).toThrow(/printable ASCII/);
  });
});

describe('appRoleStatements input checks', () => {
  it('refuses a role or database name that would need quoting', () => {
    expect(quoteIdentifier('alex_app')).toBe('"alex_app"');
    expect(() => quoteIdentifier('alex_app"; DROP TABLE jobs; --')).toThrow(/identifier/);
    expect(() =>
      appRoleStatements({ role: 'Alex', passwordVerifier: scramSha256Verifier('p'), database: 'alex' }),
    ).toThrow(/identifier/);
  });

  it('refuses a plain password where the verifier goes', () => {
    expect(() =>
      appRoleStatements({ role: 'alex_app', passwordVerifier: "x' SUPERUSER '", database: 'alex' }),
    ).toThrow(/SCRAM-SHA-256 verifier/);
  });
});
