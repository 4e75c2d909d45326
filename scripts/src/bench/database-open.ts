import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createRepositories, seedDatabase, TEST_USER_ID } from '@alex/database';
import { openPgliteDatabase } from '@alex/database/pglite';
import { formatSummary, summarize } from './stats';

const child = fileURLToPath(new URL('./database-open-child.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

interface ChildReport {
  processToLoadedMs: number;
  openMs: number;
  firstLoadMs: number;
  positions: number;
}

/** Cold (fresh process) and warm (open handle) times to open the embedded database and load a portfolio. */
export async function benchDatabaseOpen(
  log: (line: string) => void,
  coldRuns = 5,
  warmRuns = 200,
): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'alex-bench-db-'));
  try {
    const setup = await openPgliteDatabase({ dataDir });
    await setup.migrate();
    await seedDatabase(setup.db);
    await setup.close();

    const cold: ChildReport[] = [];
    for (let i = 0; i < coldRuns; i++) {
      cold.push(JSON.parse(execFileSync(tsx, [child, dataDir], { encoding: 'utf8' })) as ChildReport);
    }
    log('embedded database (PGlite) + test_user_001 portfolio');
    log(formatSummary('  cold: open existing data dir', summarize(cold.map((r) => r.openMs))));
    log(formatSummary('  cold: first portfolio load', summarize(cold.map((r) => r.firstLoadMs))));
    log(
      formatSummary(
        '  cold: process start to portfolio loaded',
        summarize(cold.map((r) => r.processToLoadedMs)),
      ),
    );

    const handle = await openPgliteDatabase({ dataDir });
    const portfolios = createRepositories(handle.db).portfolios;
    await portfolios.load(TEST_USER_ID);
    const warm: number[] = [];
    for (let i = 0; i < warmRuns; i++) {
      const started = performance.now();
      await portfolios.load(TEST_USER_ID);
      warm.push(performance.now() - started);
    }
    await handle.close();
    log(formatSummary('  warm: portfolio load on an open database', summarize(warm)));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
