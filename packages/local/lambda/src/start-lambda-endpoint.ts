import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LambdaLocalConfigError, LambdaServiceError } from './errors';
import { createFunctionPool, type FunctionPool, type LocalFunctionConfig } from './function-pool';
import { readText, sendResult, sendServiceError } from './invoke-http';
import { type LogDestination, openLogSink } from './log-sink';

/** Options for {@link startLambdaEndpoint}; the server listens on 127.0.0.1 only, on a free port. */
export interface LambdaEndpointOptions {
  functions: Record<string, LocalFunctionConfig>;
  /** Where the functions' output goes, each line prefixed with `[function-name]`; default stderr. */
  logs?: LogDestination;
}

/** A running endpoint: where it listens and how to stop it. */
export interface LambdaEndpoint {
  /** `http://127.0.0.1:PORT`, for the client's `endpoint` option or `AWS_ENDPOINT_URL_LAMBDA`. */
  endpoint: string;
  /** Process ids of a function's warm processes (for tests and diagnostics). */
  pids(functionName: string): number[];
  /** Stops listening, ends open connections, kills every function process and waits for them to exit. */
  close(): Promise<void>;
}

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

function validate(functions: Record<string, LocalFunctionConfig>): void {
  const problems = Object.entries(functions).flatMap(([name, config]) => [
    ...(/^[a-zA-Z0-9_-]{1,64}$/.test(name) ? [] : [`${name}: not a valid function name`]),
    ...(existsSync(config.bundle) ? [] : [`${name}: bundle ${config.bundle} does not exist`]),
    ...(Number.isInteger(config.timeoutSeconds) && config.timeoutSeconds >= 1 && config.timeoutSeconds <= 900
      ? []
      : [`${name}: timeoutSeconds must be an integer from 1 to 900`]),
  ]);
  if (problems.length > 0) throw new LambdaLocalConfigError(`invalid functions: ${problems.join('; ')}`);
}

/**
 * Starts a Lambda Invoke-compatible endpoint on 127.0.0.1 (`POST /2015-03-31/functions/{name}/invocations`)
 * that runs each function's bundle in warm child processes with the function's environment and timeout.
 */
export async function startLambdaEndpoint(options: LambdaEndpointOptions): Promise<LambdaEndpoint> {
  validate(options.functions);
  const sink = openLogSink(options.logs);
  // Filled once the server listens: a function's environment may name the endpoint's URL.
  const pools = new Map<string, FunctionPool>();

  async function invoke(request: IncomingMessage, response: ServerResponse, rawName: string) {
    const name = decodeURIComponent(rawName);
    const pool = pools.get(name);
    if (!pool) {
      const arn = `arn:aws:lambda:us-east-1:000000000000:function:${name}`;
      throw new LambdaServiceError(404, 'ResourceNotFoundException', `Function not found: ${arn}`);
    }
    const invocationType = request.headers['x-amz-invocation-type'] ?? 'RequestResponse';
    if (invocationType !== 'RequestResponse') {
      const message = `InvocationType ${invocationType} is not supported locally: use RequestResponse`;
      throw new LambdaServiceError(400, 'InvalidParameterValueException', message);
    }
    const requestId = randomUUID();
    sendResult(response, requestId, await pool.invoke({ requestId, event: await readText(request) }));
  }

  function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const match = request.method === 'POST' ? INVOKE_PATH.exec(path) : null;
    if (match?.[1]) return invoke(request, response, match[1]);
    const message = `Unknown operation ${request.method} ${path}`;
    return Promise.reject(new LambdaServiceError(404, 'UnknownOperationException', message));
  }

  const inFlight = new Set<Promise<void>>();
  const server = createServer((request, response) => {
    const settled = route(request, response).catch((error: unknown) => {
      if (response.headersSent) return;
      if (error instanceof LambdaServiceError) return sendServiceError(response, error);
      sink.write('local-lambda', `[local-lambda] ${String(error)}`);
      sendServiceError(response, new LambdaServiceError(500, 'ServiceException', 'internal error'));
    });
    inFlight.add(settled);
    void settled.finally(() => inFlight.delete(settled));
  });
  // A caller waits as long as its function runs; keep idle sockets open so a reused one is never reset.
  server.keepAliveTimeout = 600_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const [name, config] of Object.entries(options.functions)) {
    pools.set(name, createFunctionPool(name, config, { log: sink.write, endpoint }));
  }
  let closing: Promise<void> | undefined;
  return {
    endpoint,
    pids: (name) => pools.get(name)?.pids() ?? [],
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await Promise.all([...pools.values()].map((pool) => pool.close()));
        // Invocations the kill just ended still answer (Runtime.ExitError) before connections are cut.
        await Promise.allSettled([...inFlight]);
        server.closeAllConnections();
        await stopped;
        await sink.close();
        // Killed children's process handles finish closing on the next turn of the event loop.
        await new Promise((resolve) => setImmediate(resolve));
      })();
      return closing;
    },
  };
}
