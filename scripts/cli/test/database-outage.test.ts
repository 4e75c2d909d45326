import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Job } from '@alex/contracts';
import {
  createRepositories,
  type DatabaseHandle,
  type Repositories,
  seedDatabase,
  TEST_USER_ID,
} from '@alex/database';
import { openPostgresDatabase } from '@alex/database/postgres';
import { OFFLINE } from '@alex/llm';
import { buildLocalAgents, type LocalStack, startLocalStack } from '@alex/local-stack';
import { createMemoryLogger, retryingRepositories, systemClock } from '@alex/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PG_BIN = '/usr/lib/postgresql/15/bin';
const START_SCRIPT = fileURLToPath(new URL('../../ci/start-postgres.sh', import.meta.url));
const havePostgres = existsSync(`${PG_BIN}/postgres`) && existsSync(`${PG_BIN}/pg_ctl`);
const JOBS = 30;
const OUTAGE_MS = 8_000;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const cluster = { port: 0, dir: `/tmp/alex-outage-pg-${randomBytes(4).toString('hex')}` };
const clusterEnv = () => ({
  ...process.env,
  ALEX_TEST_PG_PORT: String(cluster.port),
  ALEX_TEST_PG_DIR: cluster.dir,
});
/** Starts the throwaway cluster, or starts it again after a stop (the script is idempotent). */
const startCluster = () =>
  execFileSync('bash', [START_SCRIPT], { env: clusterEnv(), encoding: 'utf8' }).trim();
function stopCluster() {
  const pgCtl = [`${PG_BIN}/pg_ctl`, '-D', cluster.dir, '-m', 'fast', '-w', 'stop'];
  if (process.getuid?.() === 0)
    execFileSync('runuser', ['-u', 'postgres', '--', ...pgCtl], { stdio: 'ignore' });
  else execFileSync(pgCtl[0] as string, pgCtl.slice(1), { stdio: 'ignore' });
}

let handle: DatabaseHandle;
let repos: Repositories;
let stack: LocalStack | undefined;
const logger = createMemoryLogger('outage');
// Holds retirement runs until the database is down, so jobs are surely running (and then write) in the outage.
let waiting = 0;
let openGate: () => void = () => {};
const gate = new Promise<void>((resolve) => {
  openGate = resolve;
});

beforeAll(async () => {
  if (!havePostgres) return;
  cluster.port = await freePort();
  const url = startCluster();
  handle = await openPostgresDatabase({ url, maxConnections: 20 });
  await handle.migrate();
  await seedDatabase(handle.db);
  repos = createRepositories(handle.db);
  // Planner and specialists ride out the outage on retried database calls; the lease is short so an
  // attempt that loses its claim is taken over quickly.
  const retrying = retryingRepositories(repos, { maxRetryTimeMs: 60_000 });
  // 1,000 retirement paths: thirty jobs' simulations share this one process, which coverage slows several-fold.
  const options = {
    repos: retrying,
    llm: OFFLINE,
    logger,
    clock: systemClock,
    leaseMs: 3_000,
    retirementPaths: 1_000,
  };
  const retirement = buildLocalAgents(options).handlers.retirement;
  const agents = buildLocalAgents({
    ...options,
    overrides: {
      retirement: async (event) => {
        waiting += 1;
        await gate;
        return retirement(event);
      },
    },
  });
  stack = await startLocalStack({
    planner: agents.handlers.planner,
    logger,
    visibilityTimeoutSeconds: 2,
    sweep: { repos, everyMs: 2_000, pendingAfterMs: 20_000 },
  });
}, 120_000);

afterAll(async () => {
  if (!havePostgres) return;
  await stack?.stop();
  await handle?.close();
  execFileSync('bash', [START_SCRIPT, 'stop'], { env: clusterEnv(), stdio: 'ignore' });
  rmSync(cluster.dir, { recursive: true, force: true });
  rmSync(`${cluster.dir}.started-by-us`, { force: true });
}, 60_000);

async function countByStatus(): Promise<Record<Job['status'], number>> {
  const jobs = await repos.jobs.listByUser(TEST_USER_ID, 1_000);
  const counts = { pending: 0, running: 0, completed: 0, failed: 0 };
  for (const job of jobs) counts[job.status] += 1;
  return counts;
}

describe.skipIf(!havePostgres)('jobs through an 8-second PostgreSQL outage', () => {
  it('ends every job completed or failed by itself once the database is back', async () => {
    if (!stack) throw new Error('no local stack');
    for (let n = 0; n < JOBS; n++) {
      const job = await repos.jobs.create({
        clerkUserId: TEST_USER_ID,
        jobType: 'portfolio_analysis',
        requestPayload: {},
      });
      await stack.submit({ job_id: job.id, clerk_user_id: TEST_USER_ID });
    }
    // Stop the server while jobs are running: their retirement runs wait at the gate until it is down.
    for (let waited = 0; waiting === 0; waited += 20) {
      if (waited > 60_000) throw new Error('no job started running');
      await delay(20);
    }
    const atStop = await countByStatus();
    const stoppedAt = Date.now();
    stopCluster();
    openGate();
    await delay(OUTAGE_MS);
    startCluster();
    const outageMs = Date.now() - stoppedAt;

    let counts = await countByStatus();
    const deadline = Date.now() + 120_000;
    while (counts.pending + counts.running > 0 && Date.now() < deadline) {
      await delay(500);
      counts = await countByStatus();
    }
    const retried = (await repos.jobs.listByUser(TEST_USER_ID, 1_000)).filter((job) => job.attempts > 1);
    console.info(
      `database outage of ${outageMs} ms with ${atStop.running} jobs running and ${atStop.pending} pending: ` +
        `${counts.completed} completed, ${counts.failed} failed, ${counts.pending} pending, ${counts.running} running; ` +
        `${retried.length} claimed more than once`,
    );
    expect(atStop.running).toBeGreaterThan(0);
    expect(outageMs).toBeGreaterThanOrEqual(OUTAGE_MS);
    expect({ pending: counts.pending, running: counts.running }).toEqual({ pending: 0, running: 0 });
    expect(counts.completed + counts.failed).toBe(JOBS);
  }, 240_000);
});
