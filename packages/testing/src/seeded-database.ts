import { createRepositories, type DatabaseHandle, type Repositories, seedDatabase } from '@alex/database';
import { openPgliteDatabase } from '@alex/database/pglite';
import { PGlite } from '@electric-sql/pglite';

/** A migrated and seeded in-memory database, its repositories, and how to close it. */
export interface SeededDatabase {
  handle: DatabaseHandle;
  repos: Repositories;
  close(): Promise<void>;
}

let template: Promise<PGlite> | undefined;

// Migrating and seeding PGlite takes seconds; do it once per test file and clone the result (~0.3 s).
async function seededTemplate(): Promise<PGlite> {
  template ??= (async () => {
    const client = await PGlite.create();
    const handle = await openPgliteDatabase({ client });
    await handle.migrate();
    await seedDatabase(handle.db);
    return client;
  })();
  return template;
}

/** Opens a fresh copy of the seeded database (22 instruments, test_user_001, market notes). */
export async function openSeededDatabase(): Promise<SeededDatabase> {
  const client = (await (await seededTemplate()).clone()) as PGlite;
  const handle = await openPgliteDatabase({ client });
  return { handle, repos: createRepositories(handle.db), close: () => handle.close() };
}
