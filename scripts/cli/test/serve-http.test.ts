import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { CHART_KEYS } from '@alex/analytics';
import { newDataDir, SETTINGS_FORM_BODY } from '@alex/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliProcess, runCli, startCli, stopDataDirServer } from './support/cli-process';

const dataDir = newDataDir('alex-serve-');
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
// The offline charter emits every chart of the catalog, in the catalog's order.
const CHARTS_IN_ORDER = [...CHART_KEYS];
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
  let port = 0;
  let origin = '';
  beforeAll(async () => {
    port = await freePort();
    serve = startCli(['serve', '--port', String(port)], env);
    [, origin = ''] = await serve.waitForStderr(/Alex API on (http:\/\/127\.0\.0\.1:\d+) /, 90_000);
  }, 120_000);

  it('serves the API with local tokens and runs an analysis to completion', async () => {
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
    expect(job?.status, serve?.stderr()).toBe('completed');
    expect(Object.keys(job?.charts_payload ?? {})).toEqual(CHARTS_IN_ORDER);
  }, 120_000);

  it('carries a new user through the frontend’s pages: profile, accounts, positions, analysis; a second user sees none of it', async () => {
    const as = async (user: string) => {
      const minted = await runCli(['token', '--user', user], env);
      expect(minted.status, minted.stderr).toBe(0);
      return minted.stdout.trim();
    };
    const [ada, eve] = await Promise.all([as('user_frontend_ada'), as('user_frontend_eve')]);
    const call = async (token: string, method: string, path: string, json?: unknown) => {
      const reply = await fetch(`${origin}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(json === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });
      return { status: reply.status, body: (await reply.json()) as Record<string, unknown> };
    };

    // dashboard.tsx: the first GET creates the user; the settings form saves goals that sum to 100.
    expect((await call(ada, 'GET', '/api/user')).body).toMatchObject({ created: true });
    expect((await call(ada, 'PUT', '/api/user', SETTINGS_FORM_BODY)).status).toBe(200);

    // accounts.tsx and accounts/[id].tsx: create, rename, add positions (one unknown symbol), edit, list.
    const account = await call(ada, 'POST', '/api/accounts', {
      account_name: 'Brokerage',
      account_purpose: 'Investment Account',
      cash_balance: 5000,
    });
    expect(account.status).toBe(200);
    const accountId = account.body.id as string;
    const renamed = await call(ada, 'PUT', `/api/accounts/${accountId}`, {
      account_name: 'Taxable',
      account_purpose: 'Investment Account',
      cash_balance: 4000,
    });
    expect(renamed.body).toMatchObject({ account_name: 'Taxable', cash_balance: 4000 });
    const instruments = await call(ada, 'GET', '/api/instruments');
    expect((instruments.body as unknown as Array<{ symbol: string }>).map((i) => i.symbol)).toContain('SPY');
    const spy = await call(ada, 'POST', '/api/positions', {
      account_id: accountId,
      symbol: 'SPY',
      quantity: 10,
    });
    expect(spy.status).toBe(200);
    const unknown = await call(ada, 'POST', '/api/positions', {
      account_id: accountId,
      symbol: 'ZZZQ',
      quantity: 3,
    });
    expect(unknown.status).toBe(200);
    expect((await call(ada, 'PUT', `/api/positions/${spy.body.id}`, { quantity: 12 })).body).toMatchObject({
      quantity: 12,
    });
    const positions = await call(ada, 'GET', `/api/accounts/${accountId}/positions`);
    const held = positions.body.positions as unknown as Array<{
      symbol: string;
      instrument: Record<string, unknown>;
    }>;
    expect(held.map((p) => p.symbol).sort()).toEqual(['SPY', 'ZZZQ']);
    // The unknown symbol is a bare placeholder: no invented price or classification.
    expect(held.find((p) => p.symbol === 'ZZZQ')?.instrument).toMatchObject({
      name: 'ZZZQ',
      current_price: null,
    });

    // Another user sees and changes none of it.
    expect((await call(eve, 'GET', '/api/accounts')).body).toEqual([]);
    expect((await call(eve, 'GET', `/api/accounts/${accountId}/positions`)).status).toBe(404);
    expect((await call(eve, 'PUT', `/api/positions/${spy.body.id}`, { quantity: 1 })).status).toBe(404);
    expect((await call(eve, 'DELETE', `/api/accounts/${accountId}`)).status).toBe(404);

    // advisor-team.tsx: start an analysis, poll it to the end, open it from the job list.
    const analysis = await call(ada, 'POST', '/api/analyze', { analysis_type: 'portfolio', options: {} });
    expect(analysis.status).toBe(200);
    const jobId = analysis.body.job_id as string;
    let status = 'pending';
    for (
      const deadline = Date.now() + 60_000;
      Date.now() < deadline && /pending|running/.test(status);
      await sleep(200)
    )
      status = (await call(ada, 'GET', `/api/jobs/${jobId}`)).body.status as string;
    // ZZZQ has no price, so the analysis names the gap: completed, with a partial outcome.
    expect(status).toBe('completed');
    const jobs = (await call(ada, 'GET', '/api/jobs')).body.jobs as unknown as Array<{ id: string }>;
    expect(jobs[0]?.id).toBe(jobId);
    expect((await call(eve, 'GET', `/api/jobs/${jobId}`)).status).toBe(404);

    // And the clean-up buttons.
    expect((await call(ada, 'DELETE', `/api/positions/${unknown.body.id}`)).status).toBe(200);
    expect((await call(ada, 'DELETE', '/api/reset-accounts')).body).toMatchObject({ accounts_deleted: 1 });
  }, 180_000);

  it('stops cleanly on SIGINT and frees its port', async () => {
    serve?.killGroup('SIGINT');
    expect(await serve?.exited, serve?.stderr()).toBe(0);
    await portFree(port);
  });

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
