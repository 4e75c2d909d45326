import { randomBytes } from 'node:crypto';
import { basename, dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LogSink } from './log-sink';
import { type InvocationResult, startWorker, type WorkerProcess } from './worker-process';

/** One function the endpoint serves, as it would be configured in Lambda. */
export interface LocalFunctionConfig {
  /** Path to the built handler module (e.g. `agents/planner/dist/handler.mjs`). */
  bundle: string;
  /**
   * The function's environment variables (the process sees these plus Lambda's own), or a function of the
   * endpoint's URL, so a function can call others through it (e.g. `AWS_ENDPOINT_URL_LAMBDA`).
   */
  env: Record<string, string> | ((endpoint: string) => Record<string, string>);
  timeoutSeconds: number;
  /** Exported handler name; default `handler`. */
  handler?: string;
  /** Reported as the context's `memoryLimitInMB`; default 1024. */
  memoryMb?: number;
  /** Most invocations at once (reserved concurrency); beyond it Invoke fails with 429; default 10. */
  maxConcurrency?: number;
}

/** What invoking a function through its pool gives: a result, or a throttle when at its concurrency limit. */
export type PoolOutcome = { kind: 'result'; result: InvocationResult } | { kind: 'throttled' };

/** The warm processes of one function: reused one invocation at a time, more started for concurrency. */
export interface FunctionPool {
  invoke(request: { requestId: string; event: string; clientContext: unknown }): Promise<PoolOutcome>;
  /** Process ids of the processes currently alive, for tests and diagnostics. */
  pids(): number[];
  /** Kills every process (an invocation in flight ends with Runtime.ExitError) and waits for them. */
  close(): Promise<void>;
}

function logStreamName(): string {
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[$LATEST]${randomBytes(16).toString('hex')}`;
}

/** The environment Lambda gives a Node.js 22 function, with the function's own variables on top. */
export function lambdaEnvironment(
  name: string,
  config: LocalFunctionConfig,
  endpoint: string,
): Record<string, string> {
  const own = typeof config.env === 'function' ? config.env(endpoint) : config.env;
  const region = own.AWS_REGION ?? 'us-east-1';
  const handlerFile = basename(config.bundle).replace(/\.[cm]?js$/, '');
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
    _HANDLER: `${handlerFile}.${config.handler ?? 'handler'}`,
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
  const pending = new Set<Promise<unknown>>();
  const maxConcurrency = config.maxConcurrency ?? 10;
  let busy = 0;
  let closed = false;

  async function acquire(): Promise<{ worker: WorkerProcess; initMs: number | null } | InvocationResult> {
    for (let worker = idle.pop(); worker; worker = idle.pop()) {
      if (worker.isAlive()) return { worker, initMs: null };
      all.delete(worker);
    }
    const started = performance.now();
    const spec = { functionName: name, bundle: config.bundle, exportName: config.handler ?? 'handler', log };
    const starting = (async () => {
      const outcome = await startWorker({ ...spec, env: lambdaEnvironment(name, config, endpoint) });
      if (!outcome.ok || !closed) return outcome;
      await outcome.worker.kill();
      const error = { errorType: 'Runtime.ExitError', errorMessage: `${name}: the endpoint is closing` };
      const result: InvocationResult = {
        payload: JSON.stringify(error),
        functionError: 'Unhandled',
        logs: [],
      };
      return { ok: false as const, result };
    })();
    pending.add(starting);
    const outcome = await starting.finally(() => pending.delete(starting));
    if (!outcome.ok) return outcome.result;
    all.add(outcome.worker);
    return { worker: outcome.worker, initMs: performance.now() - started };
  }

  async function release(worker: WorkerProcess): Promise<void> {
    if (worker.isAlive() && !closed) {
      idle.push(worker);
      return;
    }
    all.delete(worker);
    await worker.kill();
  }

  async function run(request: { requestId: string; event: string; clientContext: unknown }) {
    const acquired = await acquire();
    if ('payload' in acquired) return acquired;
    const { worker, initMs } = acquired;
    const frame = (line: string, logs: string[]) => {
      logs.push(line);
      log(name, line);
    };
    const startLines: string[] = [];
    frame(`START RequestId: ${request.requestId} Version: $LATEST`, startLines);
    const started = performance.now();
    const result = await worker.invoke(request, config.timeoutSeconds * 1000);
    const duration = performance.now() - started;
    result.logs.unshift(...startLines);
    frame(`END RequestId: ${request.requestId}`, result.logs);
    const init = initMs === null ? '' : `\tInit Duration: ${initMs.toFixed(2)} ms`;
    frame(
      `REPORT RequestId: ${request.requestId}\tDuration: ${duration.toFixed(2)} ms\tBilled Duration: ${Math.ceil(duration)} ms\tMemory Size: ${config.memoryMb ?? 1024} MB${init}`,
      result.logs,
    );
    await release(worker);
    return result;
  }

  return {
    async invoke(request) {
      if (closed || busy >= maxConcurrency) return { kind: 'throttled' };
      busy += 1;
      try {
        return { kind: 'result', result: await run(request) };
      } finally {
        busy -= 1;
      }
    },
    pids: () => [...all].flatMap((w) => (w.isAlive() && w.pid !== undefined ? [w.pid] : [])),
    async close() {
      closed = true;
      idle.length = 0;
      await Promise.all([...all].map((worker) => worker.kill()));
      // A process still in its init phase is killed as soon as it is ready.
      await Promise.allSettled([...pending]);
      all.clear();
    },
  };
}
