import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readDatabaseServerState, stopDatabaseServer } from '@alex/local-stack';
import { processAlive } from '@alex/runtime';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliRun, fixture, runCli } from './support/cli-process';

const dataDir = mkdtempSync(join(tmpdir(), 'alex-concurrent-'));
// The server stops by itself 1.5 s after its last client, so the test can see it go.
const env = { ALEX_DATA_DIR: dataDir, ALEX_DB_SERVER_IDLE_MS: '1500', TZ: 'UTC' };
const analysisIds: string[] = [];

interface JobJson {
  id: string;
  status: string;
  retirement_payload: { simulation: { bands: { p50: number }[] } } | null;
}

function parsed<T>(run: CliRun): T {
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
}

async function serverGone(pid: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (readDatabaseServerState(dataDir) !== null || processAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`the local database server (pid ${pid}) is still running`);
    await sleep(100);
  }
}

afterAll(async () => {
  await stopDatabaseServer(dataDir).catch(() => false);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('alex commands running at the same time on one data directory', () => {
  it('keeps every job and the database intact when five commands run at once', async () => {
    const runs = await Promise.all([
      runCli(['analyze', '--json'], env),
      runCli(['analyze', '--json'], env),
      runCli(['analyze', '--json'], env),
      runCli(['jobs', '--json'], env),
      runCli(['portfolio', 'import', fixture('portfolio-valid.json'), '--json'], env),
    ]);
    const analyses = runs.slice(0, 3).map((run) => parsed<JobJson>(run));
    parsed<{ jobs: unknown[] }>(runs[3] as CliRun);
    expect(parsed<{ clerk_user_id: string }>(runs[4] as CliRun).clerk_user_id).toBe('import_user_001');
    analysisIds.push(...analyses.map((job) => job.id));
    expect(new Set(analysisIds).size).toBe(3);
    for (const job of analyses) {
      expect(job.status).toBe('completed');
      // The projection starts from the portfolio's value: every analysis saw the whole seeded portfolio.
      expect(job.retirement_payload?.simulation.bands[0]?.p50).toBe(99437.5);
    }

    const server = readDatabaseServerState(dataDir);
    const [list, ...shown] = await Promise.all([
      runCli(['jobs', '--json'], env),
      ...analysisIds.map((id) => runCli(['job', id, '--json'], env)),
    ]);
    const listed = parsed<{ jobs: { id: string; status: string }[] }>(list as CliRun);
    expect(listed.jobs.map((job) => job.id).sort()).toEqual([...analysisIds].sort());
    for (const run of shown) expect(parsed<JobJson>(run).status).toBe('completed');

    // Idle, the server stops by itself and leaves no process behind.
    expect(server).not.toBeNull();
    await serverGone(server?.pid ?? 0);
    const db = await PGlite.create(join(dataDir, 'pgdata'));
    try {
      const count = async (query: string) => (await db.query<{ n: number }>(query)).rows[0]?.n;
      expect(await count('select count(*)::int as n from jobs')).toBe(3);
      expect(
        await count("select count(*)::int as n from accounts where clerk_user_id = 'test_user_001'"),
      ).toBe(3);
      // Reading every row in full would trip over a damaged TOAST chunk.
      expect(await count('select sum(length(t::text))::int as n from jobs t')).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('replaces a SIGKILLed server on the next command', async () => {
    // A longer idle time here, so the server is surely still up when the test kills it.
    parsed(await runCli(['jobs', '--json'], { ...env, ALEX_DB_SERVER_IDLE_MS: '10000' }));
    const killed = readDatabaseServerState(dataDir);
    expect(killed).not.toBeNull();
    process.kill(killed?.pid ?? 0, 'SIGKILL');
    for (let waited = 0; processAlive(killed?.pid ?? 0) && waited < 10_000; waited += 100) await sleep(100);
    expect(processAlive(killed?.pid ?? 0)).toBe(false);

    const run = await runCli(['jobs', '--json'], env);
    const listed = parsed<{ jobs: { id: string; status: string }[] }>(run);
    expect(listed.jobs.map((job) => job.id).sort()).toEqual([...analysisIds].sort());
    const replacement = readDatabaseServerState(dataDir);
    expect(replacement?.pid).not.toBe(killed?.pid);
    await serverGone(replacement?.pid ?? 0);
  }, 90_000);
});
