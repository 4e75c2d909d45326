import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRepositories } from '@alex/database';
import { processAlive, retryingRepositories } from '@alex/runtime';
import { newDataDir } from '@alex/testing';
import pg from 'pg';
import { describe, it, type TestContext } from 'vitest';
import { readDatabaseServerState } from '../src/database-server-state';
import { ensureDatabaseServer } from '../src/ensure-database-server';
import { openLocalServerDatabase } from '../src/open-local-server-database';
import { stopDatabaseServer } from '../src/stop-database-server';

async function gone(pid: number): Promise<void> {
  for (let waited = 0; processAlive(pid); waited += 100) {
    if (waited > 15_000) throw new Error(`pid ${pid} is still running`);
    await sleep(100);
  }
}

// Spawned servers inherit this environment: a server nobody uses stops two seconds after starting.
process.env.ALEX_DB_SERVER_IDLE_MS = '2000';

/** Stops the data directory's servers, including any a racing caller spawned that is still starting up. */
async function stopAll(dir: string): Promise<void> {
  const log = join(dir, 'db-server.log');
  for (let waited = 0; waited < 30_000; waited += 200) {
    await stopDatabaseServer(dir).catch(() => false);
    if (!existsSync(log)) return;
    const text = readFileSync(log, 'utf8');
    const started = text.match(/ starting /g)?.length ?? 0;
    if ((text.match(/ (stopped|failed): /g)?.length ?? 0) >= started) return;
    await sleep(200);
  }
}

/**
 * A fresh data directory whose servers are stopped, and files removed, when the test finishes: empty, or with
 * a copy of a fresh database cluster for tests about something other than creating one (see newDataDir).
 */
function dataDir(
  onTestFinished: TestContext['onTestFinished'],
  cluster: 'none' | 'copied' = 'copied',
): string {
  const dir =
    cluster === 'none' ? mkdtempSync(join(tmpdir(), 'alex-db-server-')) : newDataDir('alex-db-server-');
  onTestFinished(async () => {
    await stopAll(dir);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
  return dir;
}

/** A fresh data directory and repositories over a database opened through its server, closed at the end. */
async function serverDatabase(onTestFinished: TestContext['onTestFinished']) {
  const dir = dataDir(onTestFinished);
  const { handle } = await openLocalServerDatabase(dir);
  // Registered after the directory's cleanup, so it runs before it (finish hooks run last first).
  onTestFinished(() => handle.close());
  return { dir, repos: createRepositories(handle.db) };
}

// Each test has its own data directory and servers, so they run at the same time: most of their time is spent
// waiting (an idle server, a long statement, a process exiting), not computing.
describe.concurrent('the local database server', () => {
  it('starts one migrated server for callers racing on an empty data directory', async ({
    expect,
    onTestFinished,
  }) => {
    const dir = dataDir(onTestFinished, 'none');
    const urls = await Promise.all([1, 2, 3].map(() => ensureDatabaseServer(dir)));
    expect(new Set(urls).size).toBe(1);
    const client = new pg.Client({ connectionString: urls[0] });
    await client.connect();
    try {
      expect((await client.query('select count(*)::int as n from jobs')).rows).toEqual([{ n: 0 }]);
    } finally {
      await client.end();
    }
    const log = readFileSync(join(dir, 'db-server.log'), 'utf8');
    expect(log.match(/ serving /g)).toHaveLength(1);

    const { pid } = readDatabaseServerState(dir) ?? { pid: 0 };
    expect(await stopDatabaseServer(dir)).toBe(true);
    expect(processAlive(pid)).toBe(false);
    expect(existsSync(join(dir, 'db-server.json'))).toBe(false);
  }, 60_000);

  it('stays up while a command holds the database open, however long it sits idle', async ({
    expect,
    onTestFinished,
  }) => {
    const { jobs } = (await serverDatabase(onTestFinished)).repos;
    expect(await jobs.listByUser('nobody', 1)).toEqual([]);
    // Past the pool's 10 s idle timeout and the server's 2 s idle stop, as during a long model call.
    await sleep(14_000);
    expect(await jobs.listByUser('nobody', 1)).toEqual([]);
  }, 60_000);

  it('exits when its data directory is removed', async ({ onTestFinished }) => {
    const dir = dataDir(onTestFinished);
    await ensureDatabaseServer(dir);
    const { pid } = readDatabaseServerState(dir) ?? { pid: 0 };
    rmSync(dir, { recursive: true, force: true });
    await gone(pid);
  }, 60_000);

  it('reports a server that cannot open the database, naming its log', async ({ expect, onTestFinished }) => {
    const dir = dataDir(onTestFinished, 'none');
    writeFileSync(join(dir, 'pgdata'), 'not a directory');
    await expect(ensureDatabaseServer(dir)).rejects.toThrow(/exited with code 1 \(see .*db-server\.log\)/);
  }, 60_000);

  it('waits for a server busy with a long statement instead of starting a second one on the same files', async ({
    expect,
    onTestFinished,
  }) => {
    const dir = dataDir(onTestFinished);
    const url = await ensureDatabaseServer(dir);
    const busy = new pg.Client({ connectionString: url });
    await busy.connect();
    try {
      // PGlite runs on the server's event loop, so the server answers nothing while this runs. 7 s outlasts two
      // of a client's 3 s probes: the client must see the live owner and wait instead of starting a second server
      // on the same files (a "stale"-lock takeover once let one in).
      const sleeping = busy.query('select pg_sleep(7)');
      await sleep(500);
      const waited: string[] = [];
      expect(await ensureDatabaseServer(dir, { onWait: (line) => waited.push(line) })).toBe(url);
      await sleeping;
      expect(waited[0]).toMatch(/busy or starting/);
      const log = readFileSync(join(dir, 'db-server.log'), 'utf8');
      expect(log.match(/ serving /g)).toHaveLength(1);
    } finally {
      await busy.end();
    }
  }, 60_000);

  it('starts a new server when its server is killed, and retried calls carry on through it', async ({
    expect,
    onTestFinished,
  }) => {
    const opened = await serverDatabase(onTestFinished);
    const { dir } = opened;
    const repos = retryingRepositories(opened.repos, { maxRetryTimeMs: 30_000 });
    expect(await repos.jobs.listByUser('nobody')).toEqual([]);
    const killed = readDatabaseServerState(dir);
    process.kill(killed?.pid ?? 0, 'SIGKILL');
    await gone(killed?.pid ?? 0);
    // A killed server writes no last line; stopAll counts servers by their log.
    appendFileSync(join(dir, 'db-server.log'), `db-server[${killed?.pid}] stopped: killed by the test\n`);
    await repos.users.upsert({
      clerkUserId: 'after_kill',
      displayName: 'A',
      yearsUntilRetirement: null,
      targetRetirementIncome: null,
    });
    expect((await repos.users.find('after_kill'))?.displayName).toBe('A');
    expect(readDatabaseServerState(dir)?.pid).not.toBe(killed?.pid);
  }, 60_000);
});
