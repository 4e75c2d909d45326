import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBundles } from '../src/ensure-bundles';
import { type FullTestEnv, parseFullTestEnv } from '../src/full-test-env';
import { type LocalCloud, startLocalCloud } from '../src/local-cloud';
import { runFullTest } from '../src/run-full-test';
import { runPoisonDrill } from '../src/run-poison-drill';

// The same routine as `pnpm test:full --local`, over the built bundles (built here when missing or stale).
const root = fileURLToPath(new URL('../../..', import.meta.url));
const bundles = await ensureBundles(root, (line) => console.warn(line));
const skipReason = bundles.ok ? null : `skipped: the agent bundles cannot be built (${bundles.reason})`;
if (skipReason) console.warn(`test-full-local ${skipReason}`);

const functionLogs: string[] = [];
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** The cloud's settings; `direct` leaves out the API, so the job is written to the database and queue. */
async function cloudEnv(cloud: LocalCloud, path: 'api' | 'direct' = 'api'): Promise<FullTestEnv> {
  const { ALEX_API_URL: _url, ALEX_API_TOKEN: _token, ...direct } = cloud.env;
  const env = parseFullTestEnv(path === 'api' ? cloud.env : direct);
  if (!env.ok) throw new Error(env.error);
  return env.value;
}

async function startCloud(broken: ('charter' | 'reporter')[] = []): Promise<LocalCloud> {
  if (!bundles.ok) throw new Error('unreachable: the suite is skipped without bundles');
  return startLocalCloud({
    bundles: bundles.bundles,
    broken,
    logs: (name, line) => functionLogs.push(`[${name}] ${line}`),
    queueLogger: quiet,
  });
}

const failedChecks = <T extends { ok: boolean }>(checks: T[]) => checks.filter((check) => !check.ok);

describe.skipIf(skipReason !== null)(`pnpm test:full --local ${skipReason ?? ''}`.trim(), () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startCloud();
  }, 60_000);
  afterAll(() => cloud?.stop());

  it('completes a job for test_user_001 through the bundles, every payload valid and reconciled', async () => {
    const result = await runFullTest(await cloudEnv(cloud), { pollIntervalMs: 250, timeoutMs: 45_000 });
    expect(failedChecks(result.checks), functionLogs.join('\n')).toEqual([]);
    expect(result).toMatchObject({ passed: true, status: 'completed', aborted: null });
    expect(result.checks.map((check) => check.name)).toEqual(
      expect.arrayContaining([
        'summary outcome is complete',
        'charts reconcile to the cent with the valuation',
        'retirement simulation is present',
        'retirement answers are present',
      ]),
    );
  }, 60_000);

  it('moves a malformed message to the dead-letter queue after 3 deliveries', async () => {
    const result = await runPoisonDrill(await cloudEnv(cloud), {
      dlqUrl: cloud.dlqUrl,
      maxReceiveCount: cloud.maxReceiveCount,
      deliveries: cloud.deliveries,
      timeoutMs: 30_000,
    });
    expect(failedChecks(result.checks), functionLogs.join('\n')).toEqual([]);
    expect(result.passed).toBe(true);
    expect(cloud.deliveries(result.messageId ?? '')).toBe(3);
  }, 45_000);

  it('ends completed with outcome partial when the charter bundle throws', async () => {
    const broken = await startCloud(['charter']);
    try {
      const result = await runFullTest(await cloudEnv(broken), {
        broken: ['charter'],
        pollIntervalMs: 250,
        timeoutMs: 45_000,
      });
      expect(failedChecks(result.checks), functionLogs.join('\n')).toEqual([]);
      expect(result).toMatchObject({ passed: true, status: 'completed' });
      expect(result.checks.map((check) => check.name)).toContain('summary outcome is partial');
    } finally {
      await broken.stop();
    }
  }, 60_000);

  it('fails its checks when it expects a breakage that did not happen', async () => {
    const result = await runFullTest(await cloudEnv(cloud), {
      broken: ['reporter'],
      pollIntervalMs: 250,
      timeoutMs: 45_000,
    });
    expect(result.passed).toBe(false);
    expect(failedChecks(result.checks).map((check) => check.name)).toEqual([
      'summary outcome is partial',
      'error message matches the outcome',
      'reporter (broken on purpose) is recorded as failed',
    ]);
  }, 60_000);

  it('stops before creating a job when the user is not seeded, saying how to seed', async () => {
    const result = await runFullTest(await cloudEnv(cloud, 'direct'), { userId: 'no_such_user' });
    expect(result).toMatchObject({
      passed: false,
      jobId: null,
      aborted: 'no user no_such_user in the database: run `pnpm alex db seed` against Aurora first',
    });
  });
});
