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

/**
 * Puts a database back as it started: any open transaction rolled back, session settings reset, every public
 * table emptied, then refilled from the snapshot schema when there is one. Foreign keys and triggers are off
 * while rows go in, so the order does not matter and the snapshot's rows are copied as they are (timestamps
 * included).
 */
async function restoreTables(client: PGlite, snapshot: string | undefined): Promise<void> {
  // A transaction the borrower left open ends here, before anything below can run inside it.
  await client.exec('ROLLBACK');
  const tables = await publicTables(client);
  const refill = snapshot
    ? [
        'SET session_replication_role = replica',
        ...tables.map((table) => `INSERT INTO public.${table} SELECT * FROM ${snapshot}.${table}`),
        'RESET session_replication_role',
      ]
    : [];
  await client.exec(
    ['RESET ALL', `TRUNCATE ${tables.map((table) => `public.${table}`).join(', ')}`, ...refill].join(';\n'),
  );
}

/** The client as its borrower sees it: revoked on release, so work left running cannot reach the next user. */
function lend(client: PGlite) {
  return Proxy.revocable(client, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Loading PGlite from a dump costs about 0.5 s of CPU; emptying (and refilling from `snapshot`) one that was
 * given back costs milliseconds. So released clients are restored and kept, up to `maxIdle`, for the next
 * `take()` in this process. Restoring covers the public schema's rows and session settings; a client whose
 * restore fails (its schema was changed) is closed instead.
 */
export function reusablePglite(
  open: () => Promise<PGlite>,
  options: { snapshot?: string; maxIdle?: number } = {},
): ReusablePglite {
  const idle: PGlite[] = [];
  const maxIdle = options.maxIdle ?? 4;

  async function giveBack(client: PGlite): Promise<void> {
    if (client.closed) return;
    if (idle.length < maxIdle) {
      try {
        await restoreTables(client, options.snapshot);
        idle.push(client);
        return;
      } catch {
        // Not restorable: closed below instead of being lent again.
      }
    }
    await client.close();
  }

  return {
    async take() {
      const client = idle.pop() ?? (await open());
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
