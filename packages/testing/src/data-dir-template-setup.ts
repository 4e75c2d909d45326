import { mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGDATA_TEMPLATE_ENV } from './data-dir-template';
import { PGLITE_TEMPLATE_ENV } from './pglite-templates';

/**
 * Vitest global setup (named in vitest.config.ts after pglite-templates-setup.ts): writes one fresh PGlite
 * cluster to a directory, from the empty template (0.5 s) when there is one, for `newDataDir` to copy; the
 * teardown deletes it.
 */
export async function setup(): Promise<() => void> {
  if (process.env[PGDATA_TEMPLATE_ENV]) return () => {};
  const dir = mkdtempSync(join(tmpdir(), 'alex-pgdata-template-'));
  const empty = process.env[PGLITE_TEMPLATE_ENV.empty];
  const client = await PGlite.create(
    join(dir, 'pgdata'),
    empty ? { loadDataDir: await openAsBlob(empty) } : {},
  );
  await client.close();
  process.env[PGDATA_TEMPLATE_ENV] = join(dir, 'pgdata');
  return () => {
    delete process.env[PGDATA_TEMPLATE_ENV];
    rmSync(dir, { recursive: true, force: true });
  };
}
