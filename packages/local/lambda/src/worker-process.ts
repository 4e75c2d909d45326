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
}

/** What a warm process runs: the bundle, the environment it sees, where its output goes. */
export interface WorkerSpec {
  functionName: string;
  bundle: string;
  env: Record<string, string>;
  log: LogSink;
}

/** One warm child process: it serves one invocation at a time and is discarded once it exits. */
export interface WorkerProcess {
  readonly pid: number | undefined;
  /** False once the process exited or was killed; a dead process is never reused. */
  isAlive(): boolean;
  invoke(request: { requestId: string; event: string }, timeoutMs: number): Promise<InvocationResult>;
  /** Kills the process (SIGKILL) and resolves once it has exited. */
  kill(): Promise<void>;
}

const WORKER_FILE = realpathSync(fileURLToPath(new URL('./lambda-worker.ts', import.meta.url)));

/** The 200 response Lambda gives for a function error. */
export function errorResult(error: LambdaErrorPayload): InvocationResult {
  return { payload: JSON.stringify(error), functionError: 'Unhandled' };
}

type InitOutcome = WorkerMessage | { type: 'exit' | 'timeout' };

function initError(outcome: InitOutcome, timeoutMs: number): LambdaErrorPayload {
  if (outcome.type === 'init-error') return outcome.error;
  if (outcome.type === 'timeout') {
    return {
      errorType: 'Runtime.InitTimeout',
      errorMessage: `Init timed out after ${timeoutMs / 1000} seconds`,
    };
  }
  return { errorType: 'Runtime.ExitError', errorMessage: 'Runtime exited during init' };
}

function startChild(spec: WorkerSpec): ChildProcess {
  return fork(WORKER_FILE, [spec.bundle], {
    // Not the parent's flags (a test runner's loaders); type stripping runs the worker itself.
    execArgv: ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', '--enable-source-maps'],
    env: spec.env,
    // Lambda runs a function from its task root (/var/task), the folder holding the handler.
    cwd: dirname(spec.bundle),
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'json',
  });
}

/** Resolves with the child's first message, its exit, or a timeout, whichever comes first. */
function waitForInit(child: ChildProcess, timeoutMs: number): Promise<InitOutcome> {
  return new Promise((resolve) => {
    const done = (outcome: InitOutcome) => {
      clearTimeout(timer);
      child.off('message', done);
      child.off('exit', onExit);
      resolve(outcome);
    };
    const onExit = () => done({ type: 'exit' });
    const timer = setTimeout(() => done({ type: 'timeout' }), timeoutMs);
    child.on('message', done);
    child.on('exit', onExit);
  });
}

function runInvocation(
  child: ChildProcess,
  request: { requestId: string; event: string },
  timeoutMs: number,
  kill: () => void,
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
        finish({ payload: reply.payload, functionError: null });
      } else if (reply.type === 'error' && reply.requestId === request.requestId) {
        finish(errorResult(reply.error));
      }
    };
    const onExit = (code: number | null, signal: string | null) => {
      const status = code === null ? `signal: ${signal}` : `exit status ${code}`;
      const errorMessage = `RequestId: ${request.requestId} Error: Runtime exited with error: ${status}`;
      finish(errorResult({ errorType: 'Runtime.ExitError', errorMessage }));
    };
    const timer = setTimeout(() => {
      // Lambda stops a function at its timeout by ending the whole runtime; so does this.
      kill();
      const seconds = (timeoutMs / 1000).toFixed(2);
      const errorMessage = `${new Date().toISOString()} ${request.requestId} Task timed out after ${seconds} seconds`;
      finish(errorResult({ errorMessage }));
    }, timeoutMs);
    child.on('message', onMessage);
    child.on('exit', onExit);
    child.send({ type: 'invoke', ...request, deadline: Date.now() + timeoutMs } satisfies InvokeMessage);
  });
}

/**
 * Starts a child process for a function and waits up to `initTimeoutMs` for its init phase (loading the
 * bundle); resolves with the process, or with the error Lambda would return for the invocation it was for.
 */
export async function startWorker(
  spec: WorkerSpec,
  initTimeoutMs: number,
): Promise<{ ok: true; worker: WorkerProcess } | { ok: false; result: InvocationResult }> {
  const child = startChild(spec);
  const emit = (line: string) => spec.log(spec.functionName, line);
  pipeLines(child.stdout, emit);
  pipeLines(child.stderr, emit);
  let alive = true;
  child.once('exit', () => {
    alive = false;
  });
  // 'close' comes after 'exit' once stdio is closed too: only then are all of the child's handles released.
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  // An IPC send to a process that just died emits 'error'; the 'exit' handling reports the invocation.
  child.on('error', (error) => emit(`[local-lambda] ${error.message}`));
  const kill = async () => {
    if (alive) child.kill('SIGKILL');
    alive = false;
    await exited;
  };
  const init = await waitForInit(child, initTimeoutMs);
  if (init.type !== 'ready') {
    await kill();
    return { ok: false, result: errorResult(initError(init, initTimeoutMs)) };
  }
  const worker: WorkerProcess = {
    pid: child.pid,
    isAlive: () => alive,
    kill,
    invoke: (request, timeoutMs) => runInvocation(child, request, timeoutMs, () => void kill()),
  };
  return { ok: true, worker };
}
