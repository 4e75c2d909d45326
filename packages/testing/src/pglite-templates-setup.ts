import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGLITE_TEMPLATE_ENV, writePgliteTemplates } from './pglite-templates';

/**
 * Vitest global setup (named in vitest.config.ts): writes this run's PGlite templates before any worker
 * starts and names them in the environment the workers inherit; the teardown deletes them.
 */
export async function setup(): Promise<() => void> {
  if (process.env[PGLITE_TEMPLATE_ENV.migrated]) return () => {};
  const dir = mkdtempSync(join(tmpdir(), 'alex-pglite-templates-'));
  const paths = await writePgliteTemplates(dir);
  for (const kind of ['empty', 'migrated', 'seeded'] as const)
    process.env[PGLITE_TEMPLATE_ENV[kind]] = paths[kind];
  return () => {
    for (const name of Object.values(PGLITE_TEMPLATE_ENV)) delete process.env[name];
    rmSync(dir, { recursive: true, force: true });
  };
}
