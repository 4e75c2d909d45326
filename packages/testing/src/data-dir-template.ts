import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Names the fresh PGlite cluster that data-dir-template-setup.ts writes for `newDataDir`. */
export const PGDATA_TEMPLATE_ENV = 'ALEX_TEST_PGDATA';

/**
 * A new, empty ALEX_DATA_DIR, except that its database cluster is a copy of a fresh one (no tables yet) when
 * the run's global setup wrote one: its first local database server opens the cluster and migrates it, as on
 * a first run, but skips the 3 s of CPU that creating a cluster costs. Tests about that first start create
 * their directory with mkdtemp instead.
 */
export function newDataDir(prefix: string): string {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const template = process.env[PGDATA_TEMPLATE_ENV];
  if (template) cpSync(template, join(dataDir, 'pgdata'), { recursive: true });
  return dataDir;
}
