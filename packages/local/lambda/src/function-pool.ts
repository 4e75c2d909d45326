import { randomBytes } from 'node:crypto';
import { basename, dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LogSink } from './log-sink';
import { errorResult, type InvocationResult, startWorker, type WorkerProcess } from './worker-process';

/** One function the endpoint serves, as it would be configured in Lambda; its bundle exports `handler`. */
export interface LocalFunctionConfig {
  /** Path to the built handler module (e.g. `agents/planner/dist/handler.mjs`). */
  bundle: string;
  /**
   * The function's environment variables (the process sees these plus Lambda's own), or a function of the
   * endpoint's URL, so a function can call others through it (e.g. `AWS_ENDPOINT_URL_LAMBDA`).
   */
  env: Record<string, string> | ((endpoint: string) => Record<string, string>);
  timeoutSeconds: number;
  /** Reported as the context's `memoryLimitInMB`; default 1024. */
  memoryMb?: number;
}

/** The warm processes of one function: reused one invocation at a time, more started for concurrency. */
export interface FunctionPool {
  invoke(request: { requestId: string; event: string }): Promise<InvocationResult>;
  /** Process ids of the processes currently alive, for tests and diagnostics. */
  pids(): number[];
  /** Kills every process (an invocation in flight ends with Runtime.ExitError) and waits for them. */
  close(): Promise<void>;
}

// Lambda gives a function's init phase 10 s; a shorter function timeout bounds it here too.
const INIT_TIMEOUT_MS = 10_000;

function logStreamName(): string {
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[$LATEST]${randomBytes(16).toString('hex')}`;
}

/** The environment Lambda gives a Node.js 22 function, with the function's own variables on top. */
function lambdaEnvironment(
  name: string,
  config: LocalFunctionConfig,
  endpoint: string,
): Record<string, string> {
  const own = typeof config.env === 'function' ? config.env(endpoint) : config.env;
  const region = own.AWS_REGION ?? 'us-east-1';
  return {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    LANG: 'en_US.UTF-8',
    TZ: 'UTC',
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    AWS_LAMBDA_FUNCTION_NAME: name,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(config.memoryMb ?? 1024),
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${name}`,
    AWS_LAMBDA_LOG_STREAM_NAME: logStreamName(),
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    LAMBDA_TASK_ROOT: dirname(config.bundle),
    _HANDLER: `${basename(config.bundle).replace(/\.[cm]?js$/, '')}.handler`,
    ...own,
  };
}

/** Creates the pool of one function; no process starts before the first invocation (a cold start). */
export function createFunctionPool(
  name: string,
  config: LocalFunctionConfig,
  context: { log: LogSink; endpoint: string },
): FunctionPool {
  const { log, endpoint } = context;
  const idle: WorkerProcess[] = [];
  const all = new Set<WorkerProcess>();
  const starting = new Set<Promise<unknown>>();
  const timeoutMs = config.timeoutSeconds * 1000;
  const closing = errorResult({
    errorType: 'Runtime.ExitError',
    errorMessage: `${name}: the endpoint is closing`,
  });
  let closed = false;

  async function acquire(): Promise<{ worker: WorkerProcess; initMs: number | null } | InvocationResult> {
    for (let worker = idle.pop(); worker; worker = idle.pop()) {
      if (worker.isAlive()) return { worker, initMs: null };
      all.delete(worker);
    }
    const started = performance.now();
    const spec = {
      functionName: name,
      bundle: config.bundle,
      env: lambdaEnvironment(name, config, endpoint),
      log,
    };
    // A process still in its init phase when the pool closes is killed as soon as it is ready.
    const start = startWorker(spec, Math.min(INIT_TIMEOUT_MS, timeoutMs)).then(async (outcome) => {
      if (!outcome.ok || !closed) return outcome;
      await outcome.worker.kill();
      return { ok: false as const, result: closing };
    });
    starting.add(start);
    const outcome = await start.finally(() => starting.delete(start));
    if (!outcome.ok) return outcome.result;
    all.add(outcome.worker);
    return { worker: outcome.worker, initMs: performance.now() - started };
  }

  async function run(request: { requestId: string; event: string }): Promise<InvocationResult> {
    const acquired = await acquire();
    if ('payload' in acquired) return acquired;
    const { worker, initMs } = acquired;
    log(name, `START RequestId: ${request.requestId} Version: $LATEST`);
    const started = performance.now();
    const result = await worker.invoke(request, timeoutMs);
    const duration = performance.now() - started;
    log(name, `END RequestId: ${request.requestId}`);
    const init = initMs === null ? '' : `\tInit Duration: ${initMs.toFixed(2)} ms`;
    log(
      name,
      `REPORT RequestId: ${request.requestId}\tDuration: ${duration.toFixed(2)} ms\tBilled Duration: ${Math.ceil(duration)} ms\tMemory Size: ${config.memoryMb ?? 1024} MB${init}`,
    );
    if (worker.isAlive() && !closed) idle.push(worker);
    else {
      all.delete(worker);
      await worker.kill();
    }
    return result;
  }

  return {
    invoke: (request) => (closed ? Promise.resolve(closing) : run(request)),
    pids: () => [...all].flatMap((w) => (w.isAlive() && w.pid !== undefined ? [w.pid] : [])),
    async close() {
      closed = true;
      idle.length = 0;
      await Promise.all([...all].map((worker) => worker.kill()));
      await Promise.allSettled([...starting]);
      all.clear();
    },
  };
}
