import type { PGlite } from '@electric-sql/pglite';

/** A client lent to one user, and how to give it back (after which every use of it throws). */
export interface LentPglite {
  client: PGlite;
  release(): Promise<void>;
}

/** Hands out in-memory PGlite databases, reusing the ones given back instead of loading a new one each time. */
export interface ReusablePglite {
  take(): Promise<LentPglite>;
}

async function publicTables(client: PGlite): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    "SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  return rows.map((row) => row.name);
}

/** Copies every table of the public schema into `schema`, which {@link reusablePglite} restores from. */
export async function snapshotTables(client: PGlite, schema: string): Promise<void> {
  const tables = await publicTables(client);
  await client.exec(
    [
      `CREATE SCHEMA ${schema}`,
      ...tables.map((table) => `CREATE TABLE ${schema}.${table} AS TABLE public.${table}`),
    ].join(';\n'),
  );
}

// Every schema object a test could change: relations and their columns, constraints, triggers, functions
// and sequences, outside PostgreSQL's own schemas. A client whose fingerprint moved is not lent again.
const SCHEMA_FINGERPRINT = `
  SELECT md5(string_agg(line, E'\\n' ORDER BY line)) AS fingerprint FROM (
    SELECT n.nspname || '.' || c.relname || ':' || c.relkind::text || ':' ||
           coalesce((SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull, ',' ORDER BY a.attnum)
                     FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '') AS line
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%'
    UNION ALL
    SELECT conrelid::regclass::text || ':' || conname || ':' || pg_get_constraintdef(oid) FROM pg_constraint
     WHERE connamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
    UNION ALL
    SELECT tgrelid::regclass::text || ':' || tgname || ':' || tgfoid::regproc::text FROM pg_trigger WHERE NOT tgisinternal
    UNION ALL
    SELECT p.oid::regprocedure::text || ':' || md5(p.prosrc) FROM pg_proc p
     WHERE p.pronamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
  ) AS objects`;

async function schemaFingerprint(client: PGlite): Promise<string> {
  const { rows } = await client.query<{ fingerprint: string }>(SCHEMA_FINGERPRINT);
  return rows[0]?.fingerprint ?? '';
}

/**
 * Puts a database back as it started: an open transaction rolled back, the session discarded (settings,
 * temporary tables, prepared statements, LISTEN, advisory locks), every public table emptied, then refilled
 * from the snapshot schema when there is one. Foreign keys and triggers are off while rows go in, so the order
 * does not matter and the snapshot's rows are copied as they are (timestamps included).
 */
async function restoreTables(client: PGlite, snapshot: string | undefined): Promise<void> {
  await client.exec('ROLLBACK');
  // Not allowed inside a transaction block: on its own.
  await client.exec('DISCARD ALL');
  const tables = await publicTables(client);
  const refill = snapshot
    ? [
        'SET session_replication_role = replica',
        ...tables.map((table) => `INSERT INTO public.${table} SELECT * FROM ${snapshot}.${table}`),
        'RESET session_replication_role',
      ]
    : [];
  await client.exec(
    [`TRUNCATE ${tables.map((table) => `public.${table}`).join(', ')}`, ...refill].join(';\n'),
  );
}

// Notification callbacks live in the client, out of reach of DISCARD ALL: a borrower may not register any.
const REFUSED = new Set<PropertyKey>(['listen', 'onNotification']);

/** The client as its borrower sees it: revoked on release, so work left running cannot reach the next user. */
function lend(client: PGlite) {
  return Proxy.revocable(client, {
    get(target, key) {
      if (REFUSED.has(key)) throw new Error(`a reused test database does not support ${String(key)}()`);
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

// Idle clients kept per pool: each holds about 250 MB.
const MAX_IDLE = 2;

/**
 * Loading PGlite from a dump costs about 0.5 s of CPU and 250 MB; emptying (and refilling from `snapshot`) one
 * that was given back costs milliseconds. So released clients are restored and kept, up to two, for the next
 * `take()` in this process. Restoring covers the session and the public tables' rows; a client whose schema
 * was changed (any table, column, constraint, trigger or function) is closed instead.
 */
export function reusablePglite(
  open: () => Promise<PGlite>,
  options: { snapshot?: string } = {},
): ReusablePglite {
  const idle: PGlite[] = [];
  let restoring = 0;
  let fingerprint: Promise<string> | undefined;

  async function openFresh(): Promise<PGlite> {
    const client = await open();
    // Taken from the first client opened, before anyone could change it.
    fingerprint ??= schemaFingerprint(client);
    await fingerprint;
    return client;
  }

  async function restorable(client: PGlite): Promise<boolean> {
    try {
      await restoreTables(client, options.snapshot);
      return (await schemaFingerprint(client)) === (await fingerprint);
    } catch {
      return false;
    }
  }

  async function giveBack(client: PGlite): Promise<void> {
    if (client.closed) return;
    if (idle.length + restoring < MAX_IDLE) {
      restoring++;
      const reusable = await restorable(client).finally(() => restoring--);
      if (reusable) {
        idle.push(client);
        return;
      }
    }
    await client.close();
  }

  return {
    async take() {
      const client = idle.pop() ?? (await openFresh());
      const lent = lend(client);
      let released: Promise<void> | undefined;
      const release = () => {
        released ??= (async () => {
          lent.revoke();
          await giveBack(client);
        })();
        return released;
      };
      return { client: lent.proxy, release };
    },
  };
}
