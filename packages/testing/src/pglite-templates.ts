import { openAsBlob, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDatabase } from '@alex/database';
import { openPgliteDatabase } from '@alex/database/pglite';
import { snapshotTables } from '@alex/database/scratch';
import { PGlite } from '@electric-sql/pglite';

/**
 * The database templates a test run shares: a fresh cluster (no tables), migrated, or migrated and seeded. The
 * seeded one also holds a copy of its rows in a schema of its own, so that a used copy can be put back.
 */
export type PgliteTemplate = 'empty' | 'migrated' | 'seeded';

/** The schema in the seeded template that holds a copy of its rows. */
export const SEEDED_SNAPSHOT = 'alex_test_seed';

/**
 * The environment variables that name this run's template tarballs. The global setup sets them before any
 * worker starts, so every test file inherits them; packages/database/test/support reads the migrated one.
 */
export const PGLITE_TEMPLATE_ENV: Record<PgliteTemplate, string> = {
  empty: 'ALEX_TEST_PGLITE_EMPTY',
  migrated: 'ALEX_TEST_PGLITE_MIGRATED',
  seeded: 'ALEX_TEST_PGLITE_SEEDED',
};

async function dump(client: PGlite, path: string): Promise<void> {
  const tarball = await client.dumpDataDir('none');
  writeFileSync(path, new Uint8Array(await tarball.arrayBuffer()));
}

/**
 * Creates PGlite once (a cold create costs ~3 s, loading a tarball ~0.4 s) and dumps it to `empty.tar` in
 * `dir`, then migrated to `migrated.tar`, then seeded to `seeded.tar`; returns the three paths.
 */
export async function writePgliteTemplates(dir: string): Promise<Record<PgliteTemplate, string>> {
  const paths = {
    empty: join(dir, 'empty.tar'),
    migrated: join(dir, 'migrated.tar'),
    seeded: join(dir, 'seeded.tar'),
  };
  const client = await PGlite.create();
  try {
    await dump(client, paths.empty);
    const handle = await openPgliteDatabase({ client });
    await handle.migrate();
    await dump(client, paths.migrated);
    await seedDatabase(handle.db);
    await snapshotTables(client, SEEDED_SNAPSHOT);
    await dump(client, paths.seeded);
  } finally {
    await client.close();
  }
  return paths;
}

const fallback: Partial<Record<PgliteTemplate, Promise<PGlite>>> = {};

// Without the global setup (a config that does not name it), build the template once per test file.
function buildInProcess(kind: PgliteTemplate): Promise<PGlite> {
  fallback[kind] ??= (async () => {
    const client = await PGlite.create();
    if (kind === 'empty') return client;
    const handle = await openPgliteDatabase({ client });
    await handle.migrate();
    if (kind === 'seeded') {
      await seedDatabase(handle.db);
      await snapshotTables(client, SEEDED_SNAPSHOT);
    }
    return client;
  })();
  return fallback[kind];
}

/** Opens a fresh in-memory PGlite holding a copy of the run's template. */
export async function openPgliteTemplate(kind: PgliteTemplate): Promise<PGlite> {
  const tarball = process.env[PGLITE_TEMPLATE_ENV[kind]];
  if (tarball) return PGlite.create({ loadDataDir: await openAsBlob(tarball) });
  // clone() is typed as the interface; it returns a full PGlite instance.
  return (await (await buildInProcess(kind)).clone()) as PGlite;
}
