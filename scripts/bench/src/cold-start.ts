import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { workspaceRoot } from '@alex/local-stack';
import { AGENT_NAMES } from '@alex/release';
import { summarize } from './stats';

// Runs in a fresh `node`: times the bundle's import (module body and top-level await included), then the
// first and second handler calls. "First call" = one invocation with a recorded event until it settles;
// every AWS endpoint is a local stub that denies access at once, so it measures the cold code path (lazy
// init, SDK middleware, signing, an HTTP round trip, error mapping and handling) without AWS's latency. The second call shows the same work warm.
const RUNNER = `
const t0 = performance.now();
const { readFileSync } = await import('node:fs');
const mod = await import(process.argv[1]);
const t1 = performance.now();
const event = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const context = { functionName: 'bench', awsRequestId: 'bench', getRemainingTimeInMillis: () => 300000 };
const call = async () => {
  try { return 'returned ' + JSON.stringify(await mod.handler(structuredClone(event), context)).slice(0, 120); }
  catch (error) { return 'threw ' + String(error?.message ?? error).split('\\n')[0].slice(0, 120); }
};
const outcome = await call();
const t2 = performance.now();
await call();
const t3 = performance.now();
process.stdout.write('\\n@@cold-start ' + JSON.stringify({ bootMs: t0, importMs: t1 - t0, firstCallMs: t2 - t1, secondCallMs: t3 - t2, outcome }) + '\\n');
process.exit(0);
`;

const execFileAsync = promisify(execFile);

/** One fresh-process measurement of a Lambda bundle, in milliseconds. */
interface ColdStartRun {
  processMs: number;
  bootMs: number;
  importMs: number;
  firstCallMs: number;
  secondCallMs: number;
  outcome: string;
}

/**
 * A stand-in for every AWS endpoint: answers each request at once with 403 AccessDeniedException, which no
 * SDK client retries (a refused port would be retried with jittered backoff by clients that set maxAttempts).
 */
async function startDenyingEndpoint(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const body = JSON.stringify({
        __type: 'AccessDeniedException',
        message: 'cold-start bench: no AWS here',
      });
      response.writeHead(403, {
        'content-type': 'application/json',
        'x-amzn-errortype': 'AccessDeniedException',
      });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A Lambda-like environment in which every AWS call fails fast: fake credentials, a denying endpoint. */
function coldStartEnv(endpoint: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    TZ: 'UTC',
    NODE_ENV: 'production',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDBENCHMARK',
    AWS_SECRET_ACCESS_KEY: 'bench-secret',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL: endpoint,
    AWS_MAX_ATTEMPTS: '1',
    DATABASE_CLUSTER_ARN: 'arn:aws:rds:us-east-1:123456789012:cluster:alex-bench',
    DATABASE_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:alex-bench',
    VECTOR_BUCKET: 'alex-bench-vectors',
    LOG_LEVEL: 'error',
  };
}

/** Spawns one fresh node that imports a bundle and calls its handler with an event file. */
async function runColdStart(
  bundle: string,
  eventFile: string,
  env: Record<string, string>,
): Promise<ColdStartRun> {
  const started = performance.now();
  const args = ['--input-type=module', '-e', RUNNER, pathToFileURL(bundle).href, eventFile];
  const output = await execFileAsync(process.execPath, args, { env, timeout: 60_000 }).catch(
    (error: { stdout?: string; stderr?: string; code?: unknown }) => ({
      stdout: error.stdout ?? '',
      stderr: error.stderr || `exit code ${String(error.code)}`,
    }),
  );
  const processMs = performance.now() - started;
  const line = output.stdout.split('\n').find((l) => l.startsWith('@@cold-start '));
  if (!line) {
    const reason = output.stderr.trim().split('\n').slice(-3).join(' | ');
    throw new Error(`cold start of ${bundle} failed: ${reason}`);
  }
  return {
    processMs,
    ...(JSON.parse(line.slice('@@cold-start '.length)) as Omit<ColdStartRun, 'processMs'>),
  };
}

function median(values: readonly number[]): number {
  return summarize(values).p50;
}

/** Medians of several fresh-process runs of one Lambda. */
export interface ColdStartResult extends ColdStartRun {
  name: string;
  runs: number;
  event: string;
}

/**
 * Measures, per built Lambda (`pnpm build` first), the import and first-call times of its bundle in fresh
 * node processes with a recorded event, printing the median of `runs` runs.
 */
export async function benchColdStart(
  log: (line: string) => void,
  options: { root?: string; runs?: number; agents?: readonly string[] } = {},
): Promise<ColdStartResult[]> {
  const root = options.root ?? workspaceRoot();
  const runs = options.runs ?? 5;
  const endpoint = await startDenyingEndpoint();
  try {
    return await measureAll(log, root, runs, coldStartEnv(endpoint.url), options.agents ?? AGENT_NAMES);
  } finally {
    await endpoint.close();
  }
}

async function measureAll(
  log: (line: string) => void,
  root: string,
  runs: number,
  env: Record<string, string>,
  agents: readonly string[],
): Promise<ColdStartResult[]> {
  const results: ColdStartResult[] = [];
  log(`cold start: fresh node per run, median of ${runs}; every AWS call gets an immediate 403`);
  for (const name of agents) {
    const bundle = join(root, 'agents', name, 'dist', 'handler.mjs');
    const eventsDir = join(root, 'agents', name, 'test', 'events');
    const event = existsSync(eventsDir)
      ? readdirSync(eventsDir)
          .filter((f) => f.endsWith('.json'))
          .sort()[0]
      : undefined;
    if (!existsSync(bundle) || !event) {
      log(`  ${name.padEnd(11)} skipped: ${!event ? 'no recorded event' : 'no bundle (run pnpm build)'}`);
      continue;
    }
    // One discarded run first, so the bundle file is in the page cache for every measured run.
    await runColdStart(bundle, join(eventsDir, event), env);
    const samples: ColdStartRun[] = [];
    for (let i = 0; i < runs; i += 1) samples.push(await runColdStart(bundle, join(eventsDir, event), env));
    const pick = (key: keyof Omit<ColdStartRun, 'outcome'>) => median(samples.map((s) => s[key]));
    const result: ColdStartResult = {
      name,
      runs,
      event,
      processMs: pick('processMs'),
      bootMs: pick('bootMs'),
      importMs: pick('importMs'),
      firstCallMs: pick('firstCallMs'),
      secondCallMs: pick('secondCallMs'),
      outcome: samples[0]?.outcome ?? 'none',
    };
    results.push(result);
    const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;
    log(
      `  ${name.padEnd(11)} import ${ms(result.importMs)}   first call ${ms(result.firstCallMs)}   ` +
        `second call ${ms(result.secondCallMs)}   node boot ${ms(result.bootMs)}   process ${ms(result.processMs)}   ` +
        `(${event}: ${result.outcome})`,
    );
  }
  return results;
}
