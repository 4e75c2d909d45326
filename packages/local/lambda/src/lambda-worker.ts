// The child process of one warm "container": loads a bundle once, then runs its `handler` export for each
// invoke message, one at a time, like the Lambda Node.js runtime. Started by worker-process.ts with
// `node --experimental-strip-types lambda-worker.ts <bundle>`; it imports only builtins.
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InvokeMessage, LambdaErrorPayload, WorkerMessage } from './worker-messages';

type Handler = (event: unknown, context: unknown) => unknown;

const [bundle = ''] = process.argv.slice(2);
const env = process.env;

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) resolve();
    else process.send(message, undefined, undefined, () => resolve());
  });
}

/** Lambda reports a thrown value by its name and message; the stack stays in the logs. */
function toErrorPayload(error: unknown): LambdaErrorPayload {
  if (error instanceof Error) return { errorType: error.name, errorMessage: error.message, trace: [] };
  return { errorType: typeof error, errorMessage: String(error), trace: [] };
}

function createContext(message: InvokeMessage) {
  const name = env.AWS_LAMBDA_FUNCTION_NAME ?? 'local-function';
  return {
    functionName: name,
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION ?? '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${env.AWS_REGION ?? 'us-east-1'}:000000000000:function:${name}`,
    memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE ?? '1024',
    awsRequestId: message.requestId,
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME ?? `/aws/lambda/${name}`,
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME ?? 'local',
    getRemainingTimeInMillis: () => Math.max(0, message.deadline - Date.now()),
  };
}

async function invoke(handler: Handler, message: InvokeMessage): Promise<void> {
  const { requestId } = message;
  try {
    const result = await handler(JSON.parse(message.event), createContext(message));
    void send({ type: 'result', requestId, payload: JSON.stringify(result === undefined ? null : result) });
  } catch (error) {
    console.error(error);
    void send({ type: 'error', requestId, error: toErrorPayload(error) });
  }
}

async function loadHandler(): Promise<Handler | null> {
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(bundle).href)) as Record<string, unknown>;
  } catch (error) {
    console.error(error);
    await send({ type: 'init-error', error: toErrorPayload(error) });
    return null;
  }
  if (typeof module.handler !== 'function') {
    const errorMessage = `${basename(bundle).replace(/\.[cm]?js$/, '')}.handler is undefined or not exported`;
    await send({
      type: 'init-error',
      error: { errorType: 'Runtime.HandlerNotFound', errorMessage, trace: [] },
    });
    return null;
  }
  return module.handler as Handler;
}

// An uncaught exception or unhandled rejection ends this process, as it ends a Lambda runtime; the endpoint
// reports the invocation in flight as Runtime.ExitError.
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
