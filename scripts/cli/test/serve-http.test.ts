import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliProcess, runCli, startCli, stopDataDirServer } from './support/cli-process';

const dataDir = mkdtempSync(join(tmpdir(), 'alex-serve-'));
// Empty variables are unset for the CLI, so a developer's .env cannot switch the server to Clerk tokens.
const env = {
  ALEX_DATA_DIR: dataDir,
  ALEX_DB_SERVER_IDLE_MS: '1500',
  TZ: 'UTC',
  CLERK_JWKS_URL: '',
  CLERK_ISSUER: '',
  CLERK_AUDIENCE: '',
  CLERK_AUTHORIZED_PARTIES: '',
  CORS_ORIGINS: '',
};
const CHARTS_IN_ORDER = [
  'asset_allocation',
  'geographic_exposure',
  'sector_breakdown',
  'account_breakdown',
  'top_holdings',
  'cash_vs_invested',
  'target_drift',
  'region_drift',
];
let serve: CliProcess | null = null;

interface JobAnswer {
  status: string;
  charts_payload: Record<string, unknown> | null;
}

/** Binds port 0 to learn a free port, then releases it for the server under test. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Resolves when `port` on 127.0.0.1 can be bound again (rejects if it cannot within 5 s). */
async function portFree(port: number): Promise<void> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) =>
    probe.once('error', reject).listen(port, '127.0.0.1', resolve),
  );
  await new Promise((resolve) => probe.close(resolve));
}

afterAll(async () => {
  serve?.killGroup('SIGKILL');
  stopDataDirServer(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('alex serve over a real socket', () => {
  it('serves the API with local tokens, runs an analysis, and stops cleanly on SIGINT', async () => {
    const port = await freePort();
    serve = startCli(['serve', '--port', String(port)], env);
    const [, origin] = await serve.waitForStderr(/Alex API on (http:\/\/127\.0\.0\.1:\d+) /, 90_000);
    expect(origin).toBe(`http://127.0.0.1:${port}`);

    const minted = await runCli(['token', '--user', 'test_user_001', '--name', 'Test User'], env);
    expect(minted.status, minted.stderr).toBe(0);
    expect(minted.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const auth = { authorization: `Bearer ${minted.stdout.trim()}` };

    const health = await fetch(`${origin}/health`);
    expect([health.status, ((await health.json()) as { status: string }).status]).toEqual([200, 'healthy']);
    expect((await fetch(`${origin}/api/user`)).status).toBe(401);
    const user = await fetch(`${origin}/api/user`, { headers: auth });
    expect(user.status).toBe(200);
    expect(await user.json()).toMatchObject({ user: { clerk_user_id: 'test_user_001' } });

    const analyze = await fetch(`${origin}/api/analyze`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ analysis_type: 'portfolio', options: {} }),
    });
    expect(analyze.status).toBe(200);
    const { job_id } = (await analyze.json()) as { job_id: string };
    let job: JobAnswer | null = null;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(200)) {
      const answer = await fetch(`${origin}/api/jobs/${job_id}`, { headers: auth });
      expect(answer.status).toBe(200);
      job = (await answer.json()) as JobAnswer;
      if (job.status === 'completed' || job.status === 'failed') break;
    }
    expect(job?.status, serve.stderr()).toBe('completed');
    expect(Object.keys(job?.charts_payload ?? {})).toEqual(CHARTS_IN_ORDER);

    serve.killGroup('SIGINT');
    expect(await serve.exited, serve.stderr()).toBe(0);
    await portFree(port);
  }, 180_000);

  it('refuses a port in use with one line and exit code 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = address !== null && typeof address !== 'string' ? address.port : 0;
    try {
      const run = await runCli(['serve', '--port', String(port)], env);
      expect(run.status).toBe(1);
      expect(run.stderr).toBe(
        `alex: 127.0.0.1:${port} is already in use: stop what listens there or pass --port N\n`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});

describe('alex token', () => {
  it('refuses a user id the users table cannot hold, printing nothing on stdout', async () => {
    for (const user of ['', 'a\u0007b', 'x'.repeat(256)]) {
      const run = await runCli(['token', '--user', user], env);
      expect(run.status, user).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^alex: --user: /);
    }
  });
});
