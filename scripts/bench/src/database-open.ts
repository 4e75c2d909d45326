import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createRepositories, type DatabaseHandle, seedDatabase, TEST_USER_ID } from '@alex/database';
import { openPgliteDatabase } from '@alex/database/pglite';
import { ensureDatabaseServer, openLocalServerDatabase, stopDatabaseServer } from '@alex/local-stack';
import { formatSummary, summarize } from './stats';

const child = fileURLToPath(new URL('./database-open-child.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

interface ChildReport {
  processToLoadedMs: number;
  openMs: number;
  firstLoadMs: number;
  positions: number;
}

function runChild(dataDir: string, mode: 'direct' | 'server'): ChildReport {
  // The server stays up between runs unless the bench stops it.
  const env = { ...process.env, ALEX_DB_SERVER_IDLE_MS: '60000' };
  return JSON.parse(execFileSync(tsx, [child, dataDir, mode], { encoding: 'utf8', env })) as ChildReport;
}

function logCold(log: (line: string) => void, label: string, runs: ChildReport[]): void {
  log(formatSummary(`  ${label}: open`, summarize(runs.map((r) => r.openMs))));
  log(formatSummary(`  ${label}: first portfolio load`, summarize(runs.map((r) => r.firstLoadMs))));
  log(formatSummary(`  ${label}: process start to loaded`, summarize(runs.map((r) => r.processToLoadedMs))));
}

async function timeLoads(handle: DatabaseHandle, runs: number): Promise<number[]> {
  const portfolios = createRepositories(handle.db).portfolios;
  await portfolios.load(TEST_USER_ID);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await portfolios.load(TEST_USER_ID);
    samples.push(performance.now() - started);
  }
  await handle.close();
  return samples;
}

/**
 * Times opening the embedded database and loading a portfolio: in a fresh process that opens PGlite itself,
 * and the way the CLI does it, through the local database server with no server running (cold: it spawns
 * one) and with one already up (warm); then repeated loads on an open handle of each kind.
 */
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

    log('embedded database (PGlite) + test_user_001 portfolio');
    const direct = Array.from({ length: coldRuns }, () => runChild(dataDir, 'direct'));
    logCold(log, 'in-process PGlite', direct);
    const cold: ChildReport[] = [];
    for (let i = 0; i < coldRuns; i++) {
      cold.push(runChild(dataDir, 'server'));
      await stopDatabaseServer(dataDir);
    }
    logCold(log, 'server cold', cold);
    await ensureDatabaseServer(dataDir);
    const warm = Array.from({ length: coldRuns }, () => runChild(dataDir, 'server'));
    logCold(log, 'server warm', warm);

    const overServer = await timeLoads((await openLocalServerDatabase(dataDir)).handle, warmRuns);
    await stopDatabaseServer(dataDir);
    const inProcess = await timeLoads(await openPgliteDatabase({ dataDir }), warmRuns);
    log(formatSummary('  warm: portfolio load, open PGlite handle', summarize(inProcess)));
    log(formatSummary('  warm: portfolio load, pool via server', summarize(overServer)));
  } finally {
    await stopDatabaseServer(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
