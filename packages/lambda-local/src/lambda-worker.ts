// The child process of one warm "container": loads a bundle once, then runs its handler for each invoke
// message, one at a time, like the Lambda Node.js runtime. Started by worker-process.ts with
// `node --experimental-strip-types lambda-worker.ts <bundle> <exportName>`; it imports only builtins.
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InvokeMessage, LambdaErrorPayload, WorkerMessage } from './worker-messages';

type Handler = (
  event: unknown,
  context: unknown,
  callback?: (error?: unknown, result?: unknown) => void,
) => unknown;

const [bundle = '', exportName = 'handler'] = process.argv.slice(2);
const env = process.env;
let current: string | null = null;

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) resolve();
    else process.send(message, undefined, undefined, () => resolve());
  });
}

/** Lambda reports a thrown value by its name and message; the stack stays in the logs. */
function toErrorPayload(error: unknown, fallbackType?: string): LambdaErrorPayload {
  if (error instanceof Error) {
    return { errorType: fallbackType ?? error.name, errorMessage: error.message, trace: [] };
  }
  return { errorType: fallbackType ?? typeof error, errorMessage: String(error), trace: [] };
}

// Like Lambda after an uncaught error: the runtime goes away and the next invoke starts a new one.
function fail(error: unknown, errorType?: string): void {
  console.error(error);
  const requestId = current;
  current = null;
  if (requestId === null) process.exit(1);
  const message: WorkerMessage = {
    type: 'error',
    requestId,
    error: toErrorPayload(error, errorType),
    fatal: true,
  };
  void send(message).then(() => process.exit(1));
}

process.on('uncaughtException', (error) => fail(error));
process.on('unhandledRejection', (reason) => fail(reason, 'Runtime.UnhandledPromiseRejection'));

function createContext(message: InvokeMessage) {
  const name = env.AWS_LAMBDA_FUNCTION_NAME ?? 'local-function';
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: name,
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION ?? '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${env.AWS_REGION ?? 'us-east-1'}:000000000000:function:${name}`,
    memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE ?? '1024',
    awsRequestId: message.requestId,
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME ?? `/aws/lambda/${name}`,
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME ?? 'local',
    clientContext: message.clientContext ?? undefined,
    getRemainingTimeInMillis: () => Math.max(0, message.deadline - Date.now()),
  };
}

function callHandler(handler: Handler, event: unknown, context: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const callback = (error?: unknown, result?: unknown) => (error ? reject(error) : resolve(result));
    const returned = handler(event, context, callback);
    if (typeof (returned as { then?: unknown } | null)?.then === 'function') {
      (returned as Promise<unknown>).then(resolve, reject);
    } else if (handler.length < 3) {
      resolve(returned);
    }
  });
}

async function invoke(handler: Handler, message: InvokeMessage): Promise<void> {
  current = message.requestId;
  try {
    const result = await callHandler(handler, JSON.parse(message.event), createContext(message));
    const payload = JSON.stringify(result === undefined ? null : result);
    if (current === message.requestId) void send({ type: 'result', requestId: message.requestId, payload });
  } catch (error) {
    console.error(error);
    if (current === message.requestId) {
      void send({ type: 'error', requestId: message.requestId, error: toErrorPayload(error), fatal: false });
    }
  } finally {
    if (current === message.requestId) current = null;
  }
}

async function loadHandler(): Promise<Handler | null> {
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(bundle).href)) as Record<string, unknown>;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const type = code === 'ERR_MODULE_NOT_FOUND' ? 'Runtime.ImportModuleError' : undefined;
    console.error(error);
    await send({ type: 'init-error', error: toErrorPayload(error, type) });
    return null;
  }
  const handler = module[exportName];
  if (typeof handler !== 'function') {
    const errorMessage = `${basename(bundle).replace(/\.[cm]?js$/, '')}.${exportName} is undefined or not exported`;
    await send({
      type: 'init-error',
      error: { errorType: 'Runtime.HandlerNotFound', errorMessage, trace: [] },
    });
    return null;
  }
  return handler as Handler;
}

const handler = await loadHandler();
if (handler === null) {
  process.exit(1);
} else {
  process.on('message', (message: InvokeMessage) => {
    if (message.type === 'invoke') void invoke(handler, message);
  });
  // The parent going away (closed endpoint, crashed test runner) must not leave this process behind.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready' });
}
