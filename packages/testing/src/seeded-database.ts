import { createRepositories, type DatabaseHandle, type Repositories } from '@alex/database';
import { openPgliteDatabase } from '@alex/database/pglite';
import { afterAll, beforeAll } from 'vitest';
import { openPgliteTemplate } from './pglite-templates';

/** A migrated and seeded in-memory database, its repositories, and how to close it. */
export interface SeededDatabase {
  handle: DatabaseHandle;
  repos: Repositories;
  close(): Promise<void>;
}

/** Opens a fresh copy of the seeded database (22 instruments, test_user_001, market notes). */
export async function openSeededDatabase(): Promise<SeededDatabase> {
  const handle = await openPgliteDatabase({ client: await openPgliteTemplate('seeded') });
  return { handle, repos: createRepositories(handle.db), close: () => handle.close() };
}

/** Opens a fresh copy of the seeded database before the calling file's (or suite's) tests, closed after them. */
export function useSeededDatabase(): SeededDatabase {
  const database = {} as SeededDatabase;
  beforeAll(async () => {
    Object.assign(database, await openSeededDatabase());
  });
  afterAll(() => database.close());
  return database;
}
