import type { Portfolio } from '@alex/contracts';
import { createRepositories, type DatabaseHandle, type Repositories, TEST_USER_ID } from '@alex/database';
import { openPgliteDatabase } from '@alex/database/pglite';
import { reusablePglite } from '@alex/database/scratch';
import { openPgliteTemplate, SEEDED_SNAPSHOT } from './pglite-templates';
import { useForFile } from './use-for-file';

/** A migrated and seeded in-memory database, its repositories, and how to close it. */
export interface SeededDatabase {
  handle: DatabaseHandle;
  repos: Repositories;
  close(): Promise<void>;
}

// Closed databases are restored to the seeded rows and lent again (a worker that runs several files keeps them).
const seeded = reusablePglite(() => openPgliteTemplate('seeded'), { snapshot: SEEDED_SNAPSHOT });

/** Opens the seeded database (22 instruments, test_user_001, market notes): a fresh copy, or a restored one. */
export async function openSeededDatabase(): Promise<SeededDatabase> {
  const { client, release } = await seeded.take();
  const handle = { ...(await openPgliteDatabase({ client })), close: release };
  return { handle, repos: createRepositories(handle.db), close: release };
}

/** Opens a fresh copy of the seeded database before the calling file's (or suite's) tests, closed after them. */
export function useSeededDatabase(): SeededDatabase {
  return useForFile(openSeededDatabase);
}

/** test_user_001's portfolio as the seeded database holds it (throws when it is not there). */
export async function seededPortfolio(database: SeededDatabase): Promise<Portfolio> {
  const portfolio = await database.repos.portfolios.load(TEST_USER_ID);
  if (!portfolio) throw new Error(`the seeded database has no ${TEST_USER_ID}`);
  return portfolio;
}
