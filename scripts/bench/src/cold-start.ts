import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { workspaceRoot } from '@alex/local-stack';
import { LAMBDA_NAMES, type LambdaManifest, lambdaWorkspace, ZIP_BUDGET_BYTES } from '@alex/release';
import { coldStartEnv, coldStartEvent, startDenyingEndpoint } from './cold-start-env';
import { summarize } from './stats';

/** Issue 13's target: a Lambda's cold import plus its first call, median, at or below this. */
const COLD_START_TARGET_MS = 200;

// Runs in a fresh `node`: times the bundle's import (module body and top-level await included), then the
// first and second handler calls. "First call" = one invocation with the event until it settles; every AWS
// endpoint is a local stub that denies access at once, so it measures the cold code path (lazy init, SDK
// middleware, signing, an HTTP round trip, error mapping and handling) without AWS's latency. The second call
// shows the same work warm.
const RUNNER = `
const t0 = performance.now();
const c0 = process.cpuUsage();
const mod = await import(process.argv[1]);
const t1 = performance.now();
const event = JSON.parse(process.argv[2]);
const context = { functionName: 'bench', awsRequestId: 'bench', getRemainingTimeInMillis: () => 300000 };
const call = async () => {
  try { return 'returned ' + JSON.stringify(await mod.handler(structuredClone(event), context)).slice(0, 120); }
  catch (error) { return 'threw ' + String(error?.message ?? error).split('\\n')[0].slice(0, 120); }
};
const outcome = await call();
const t2 = performance.now();
const cpu = process.cpuUsage(c0);
await call();
const t3 = performance.now();
process.stdout.write('\\n@@cold-start ' + JSON.stringify({ bootMs: t0, importMs: t1 - t0, firstCallMs: t2 - t1, coldCpuMs: (cpu.user + cpu.system) / 1000, secondCallMs: t3 - t2, outcome }) + '\\n');
process.exit(0);
`;

const execFileAsync = promisify(execFile);

/** One fresh-process measurement of a Lambda bundle, in milliseconds. */
interface ColdStartRun {
  processMs: number;
  bootMs: number;
  importMs: number;
  firstCallMs: number;
  /** CPU time (user + system) of the import and first call: less swayed than wall time by a busy machine. */
  coldCpuMs: number;
  secondCallMs: number;
  outcome: string;
}

/** Spawns one fresh node that imports a bundle and calls its handler once cold and once warm. */
async function runColdStart(
  bundle: string,
  event: unknown,
  env: Record<string, string>,
): Promise<ColdStartRun> {
  const started = performance.now();
  const args = ['--input-type=module', '-e', RUNNER, pathToFileURL(bundle).href, JSON.stringify(event)];
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

/** Medians (and the p95 of import + first call) of several fresh-process runs of one Lambda, and its sizes. */
export interface ColdStartResult {
  name: string;
  runs: number;
  event: string;
  zipBytes: number;
  bundleBytes: number;
  importMs: number;
  firstCallMs: number;
  /** Import plus first call, per run: the cold start issue 13 bounds. */
  coldMs: number;
  coldP95Ms: number;
  coldCpuMs: number;
  secondCallMs: number;
  bootMs: number;
  processMs: number;
  outcome: string;
}

/** What to measure: the repository root (its built Lambdas), runs per Lambda, and which Lambdas. */
export interface ColdStartOptions {
  root?: string;
  runs?: number;
  lambdas?: readonly string[];
}

/**
 * Measures, per built Lambda (`pnpm build` first), its zip and bundle sizes and the import and first-call
 * times of its bundle in fresh node processes, printing medians against the 200 ms and zip budgets.
 */
export async function benchColdStart(
  log: (line: string) => void,
  options: ColdStartOptions = {},
): Promise<ColdStartResult[]> {
  const root = options.root ?? workspaceRoot();
  const runs = options.runs ?? 11;
  const endpoint = await startDenyingEndpoint();
  const results: ColdStartResult[] = [];
  try {
    log(
      `cold start: fresh node per run, median of ${runs} (p95 of import + first call); every AWS call gets ` +
        `an immediate 403; targets: import + first call <= ${COLD_START_TARGET_MS} ms, zip <= ${kb(ZIP_BUDGET_BYTES)}`,
    );
    for (const name of options.lambdas ?? LAMBDA_NAMES) {
      const result = await measureLambda(root, name, runs, coldStartEnv(endpoint.url));
      if (typeof result === 'string') log(`  ${name.padEnd(11)} skipped: ${result}`);
      else {
        results.push(result);
        log(formatColdStart(result));
      }
    }
  } finally {
    await endpoint.close();
  }
  const fast = results.filter((r) => r.coldMs <= COLD_START_TARGET_MS).length;
  const small = results.filter((r) => r.zipBytes <= ZIP_BUDGET_BYTES).length;
  log(
    `  ${fast} of ${results.length} within ${COLD_START_TARGET_MS} ms; ${small} of ${results.length} zips within budget`,
  );
  return results;
}

async function measureLambda(
  root: string,
  name: string,
  runs: number,
  env: Record<string, string>,
): Promise<ColdStartResult | string> {
  const dist = join(root, lambdaWorkspace(name), 'dist');
  const bundle = join(dist, 'handler.mjs');
  const input = coldStartEvent(root, name);
  if (!input) return 'no hand-written event';
  if (!existsSync(bundle)) return 'no bundle (run pnpm build)';
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as LambdaManifest;
  // One discarded run first, so the bundle file is in the page cache for every measured run.
  await runColdStart(bundle, input.event, env);
  const samples: ColdStartRun[] = [];
  for (let i = 0; i < runs; i += 1) samples.push(await runColdStart(bundle, input.event, env));
  const median = (pick: (run: ColdStartRun) => number) => summarize(samples.map(pick)).p50;
  const cold = summarize(samples.map((s) => s.importMs + s.firstCallMs));
  return {
    name,
    runs,
    event: input.label,
    zipBytes: manifest.zipBytes,
    bundleBytes: manifest.bundleBytes,
    importMs: median((s) => s.importMs),
    firstCallMs: median((s) => s.firstCallMs),
    coldMs: cold.p50,
    coldP95Ms: cold.p95,
    coldCpuMs: median((s) => s.coldCpuMs),
    secondCallMs: median((s) => s.secondCallMs),
    bootMs: median((s) => s.bootMs),
    processMs: median((s) => s.processMs),
    outcome: samples[0]?.outcome ?? 'none',
  };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** One Lambda's line: sizes against the zip budget, then times against the cold-start target. */
function formatColdStart(r: ColdStartResult): string {
  const ms = (value: number) => `${value.toFixed(1).padStart(6)} ms`;
  const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER');
  return (
    `  ${r.name.padEnd(11)} zip ${kb(r.zipBytes).padStart(9)} ${verdict(r.zipBytes <= ZIP_BUDGET_BYTES).padEnd(4)}  ` +
    `raw ${kb(r.bundleBytes).padStart(9)}   import ${ms(r.importMs)}  first call ${ms(r.firstCallMs)}  ` +
    `import+first p50 ${ms(r.coldMs)} p95 ${ms(r.coldP95Ms)} ${verdict(r.coldMs <= COLD_START_TARGET_MS).padEnd(4)}  ` +
    `(cpu ${ms(r.coldCpuMs)})  second call ${ms(r.secondCallMs)}  node boot ${ms(r.bootMs)}  (${r.event}: ${r.outcome})`
  );
}
