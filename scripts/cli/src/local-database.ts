import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type DatabaseHandle, databaseConfigFromEnv, isMigrated } from '@alex/database';
import { openDatabase } from '@alex/database/open';
// The database-server entry points only: the package index also loads every agent and the local queue.
import { openLocalServerDatabase, workspaceRoot } from '@alex/local-stack/database-client';
import { CliError } from './errors';
import type { Output } from './output';

/** Reads `.env` at the repository root when present (real environment variables win). */
export function loadDotEnv(): void {
  const file = join(workspaceRoot(), '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

/** The data directory: ALEX_DATA_DIR, or `.alex` at the repository root (the local signing key lives here). */
export function localDataDir(): string {
  return process.env.ALEX_DATA_DIR || join(workspaceRoot(), '.alex');
}

/**
 * Opens the configured database. The embedded one in a data directory is reached through its local
 * database server (one process owns the PGlite files; it migrates them on start), so any number of `alex`
 * commands can run at once; in memory it is opened and migrated here. A server or Aurora must be
 * migrated explicitly with `alex db migrate`.
 */
async function openConfiguredDatabase(
  output: Output,
  options: { requireSchema: boolean },
): Promise<DatabaseHandle> {
  const config = databaseConfigFromEnv(process.env, { dataDir: join(workspaceRoot(), '.alex') });
  if (config.driver === 'pglite' && config.dataDir !== null) {
    const { handle, port } = await openLocalServerDatabase(config.dataDir, { onWait: output.log });
    output.log(`database: pglite (${config.dataDir}) via local server 127.0.0.1:${port}`);
    return handle;
  }
  const where = config.driver === 'pglite' ? 'memory' : config.driver;
  output.log(`database: ${config.driver} (${where})`);
  const handle = await openDatabase(config);
  if (config.driver === 'pglite') {
    await handle.migrate();
  } else if (options.requireSchema && !(await isMigrated(handle.db))) {
    await handle.close();
    throw new CliError(
      `the ${config.driver} database has no Alex tables: run \`pnpm alex db migrate\` first`,
    );
  }
  return handle;
}

/** Runs `body` on the configured database (opened as `openConfiguredDatabase` says), closing it afterwards. */
export async function withConfiguredDatabase<T>(
  output: Output,
  options: { requireSchema: boolean },
  body: (handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const handle = await openConfiguredDatabase(output, options);
  try {
    return await body(handle);
  } finally {
    await handle.close();
  }
}
