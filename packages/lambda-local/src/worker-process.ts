import { type ChildProcess, fork } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LogSink, pipeLines } from './log-sink';
import type { InvokeMessage, LambdaErrorPayload, WorkerMessage } from './worker-messages';

/** What one invocation produced: the payload text, and whether it is a function error. */
export interface InvocationResult {
  payload: string;
  functionError: 'Unhandled' | null;
  /** The invocation's log lines, for `X-Amz-Log-Result` (LogType Tail). */
  logs: string[];
}

/** What a warm process runs: the bundle, its export, the environment it sees, where its output goes. */
export interface WorkerSpec {
  functionName: string;
  bundle: string;
  exportName: string;
  env: Record<string, string>;
  log: LogSink;
}

/** One warm child process: it serves one invocation at a time and is discarded after any failure of its own. */
export interface WorkerProcess {
  readonly pid: number | undefined;
  /** False once the process exited or was killed; a dead process is never reused. */
  isAlive(): boolean;
  invoke(request: Omit<InvokeMessage, 'type' | 'deadline'>, timeoutMs: number): Promise<InvocationResult>;
  /** Kills the process (SIGKILL) and resolves once it has exited. */
  kill(): Promise<void>;
}

const WORKER_FILE = realpathSync(fileURLToPath(new URL('./lambda-worker.ts', import.meta.url)));
const INIT_TIMEOUT_MS = 10_000;

function errorResult(error: LambdaErrorPayload, logs: string[]): InvocationResult {
  return { payload: JSON.stringify(error), functionError: 'Unhandled', logs };
}

function initError(outcome: WorkerMessage | { type: 'exit' | 'timeout' }): LambdaErrorPayload {
  if (outcome.type === 'init-error') return outcome.error;
  if (outcome.type === 'timeout') {
    return {
      errorType: 'Runtime.InitTimeout',
      errorMessage: `Init timed out after ${INIT_TIMEOUT_MS / 1000} seconds`,
    };
  }
  return { errorType: 'Runtime.ExitError', errorMessage: 'Runtime exited during init' };
}

function startChild(spec: WorkerSpec): ChildProcess {
  return fork(WORKER_FILE, [spec.bundle, spec.exportName], {
    // Not the parent's flags (a test runner's loaders); type stripping runs the worker itself.
    execArgv: ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', '--enable-source-maps'],
    env: spec.env,
    // Lambda runs a function from its task root (/var/task), the folder holding the handler.
    cwd: dirname(spec.bundle),
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'json',
  });
}

type InitOutcome = WorkerMessage | { type: 'exit' | 'timeout' };

function waitForInit(child: ChildProcess): Promise<InitOutcome> {
  return new Promise((resolve) => {
    const done = (outcome: InitOutcome) => {
      clearTimeout(timer);
      child.off('message', done);
      child.off('exit', onExit);
      resolve(outcome);
    };
    const onExit = () => done({ type: 'exit' });
    const timer = setTimeout(() => done({ type: 'timeout' }), INIT_TIMEOUT_MS);
    child.on('message', done);
    child.on('exit', onExit);
  });
}

/** What one invocation needs from the process that runs it. */
interface InvocationHooks {
  /** Ends the process at once (the invocation timed out). */
  kill(): void;
  /** Marks the process unusable (it reported a fatal error and is exiting). */
  retire(): void;
}

function runInvocation(
  child: ChildProcess,
  request: Omit<InvokeMessage, 'type' | 'deadline'>,
  timeoutMs: number,
  logs: string[],
  hooks: InvocationHooks,
): Promise<InvocationResult> {
  return new Promise<InvocationResult>((resolve) => {
    const finish = (result: InvocationResult) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      // Output written just before the reply may be read after it: let it reach the log first.
      setImmediate(() => resolve(result));
    };
    const onMessage = (reply: WorkerMessage) => {
      if (reply.type === 'result' && reply.requestId === request.requestId) {
        finish({ payload: reply.payload, functionError: null, logs });
      } else if (reply.type === 'error' && reply.requestId === request.requestId) {
        // A fatal error means the runtime is exiting: never hand it another invocation.
        if (reply.fatal) hooks.retire();
        finish(errorResult(reply.error, logs));
      }
    };
    const onExit = (code: number | null, signal: string | null) => {
      const status = code === null ? `signal: ${signal}` : `exit status ${code}`;
      const errorMessage = `RequestId: ${request.requestId} Error: Runtime exited with error: ${status}`;
      finish(errorResult({ errorType: 'Runtime.ExitError', errorMessage }, logs));
    };
    const timer = setTimeout(() => {
      // Lambda stops a function at its timeout by ending the whole runtime; so does this.
      hooks.kill();
      const seconds = (timeoutMs / 1000).toFixed(2);
      const errorMessage = `${new Date().toISOString()} ${request.requestId} Task timed out after ${seconds} seconds`;
      finish(errorResult({ errorMessage }, logs));
    }, timeoutMs);
    child.on('message', onMessage);
    child.on('exit', onExit);
    child.send({ type: 'invoke', ...request, deadline: Date.now() + timeoutMs } satisfies InvokeMessage);
  });
}

/**
 * Starts a child process for a function and waits for its init phase (loading the bundle); resolves with
 * the process, or with the init error Lambda would return for every invocation it was meant to serve.
 */
export async function startWorker(
  spec: WorkerSpec,
): Promise<{ ok: true; worker: WorkerProcess } | { ok: false; result: InvocationResult }> {
  const child = startChild(spec);
  // Lines of the init phase or of the invocation in flight, for the log tail; null while idle.
  let capture: string[] | null = [];
  const emit = (line: string) => {
    capture?.push(line);
    spec.log(spec.functionName, line);
  };
  pipeLines(child.stdout, emit);
  pipeLines(child.stderr, emit);
  let running = true;
  // Usable for another invocation: false once it exited, timed out or reported a fatal error.
  let alive = true;
  child.once('exit', () => {
    running = false;
    alive = false;
  });
  // 'close' comes after 'exit' once stdio is closed too: only then are all of the child's handles released.
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  // An IPC send to a process that just died emits 'error'; the 'exit' handling reports the invocation.
  child.on('error', (error) => spec.log(spec.functionName, `[lambda-local] ${error.message}`));
  const kill = async () => {
    alive = false;
    if (running) child.kill('SIGKILL');
    await exited;
  };
  const init = await waitForInit(child);
  if (init.type !== 'ready') {
    await kill();
    return { ok: false, result: errorResult(initError(init), capture ?? []) };
  }
  capture = null;
  const hooks: InvocationHooks = {
    kill: () => void kill(),
    retire: () => {
      alive = false;
    },
  };
  const worker: WorkerProcess = {
    pid: child.pid,
    isAlive: () => alive,
    kill,
    async invoke(request, timeoutMs) {
      const logs: string[] = [];
      capture = logs;
      try {
        return await runInvocation(child, request, timeoutMs, logs, hooks);
      } finally {
        capture = null;
      }
    },
  };
  return { ok: true, worker };
}
