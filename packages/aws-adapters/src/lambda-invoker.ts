import type { AgentName } from '@alex/contracts';
import { describeError, firstLine, truncate } from '@alex/errors';
import type { AgentInvoker, InvokeOutcome } from '@alex/runtime';
import { InvokeCommand, type InvokeCommandOutput, LambdaClient } from '@aws-sdk/client-lambda';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/** Options of {@link createLambdaClient}. */
export interface LambdaClientOptions {
  /** Client-side limit for one invoke; must be above the callee's Lambda timeout (e.g. 310 s for 300 s). */
  timeoutMs: number;
  region?: string;
}

/**
 * A Lambda client for synchronous agent invokes: one attempt only (a retried invoke runs the agent twice)
 * and request/socket timeouts above the callee's own timeout instead of the SDK defaults.
 */
export function createLambdaClient(options: LambdaClientOptions): LambdaClient {
  if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) {
    throw new RangeError(`timeoutMs must be a positive number of milliseconds, got ${options.timeoutMs}`);
  }
  return new LambdaClient({
    ...(options.region ? { region: options.region } : {}),
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: 5_000,
      // requestTimeout alone only logs a warning in @smithy/node-http-handler 4.x; throwOnRequestTimeout
      // makes it end the request. The socket stays idle while the callee runs, so its idle timeout must
      // be as long as the request timeout.
      requestTimeout: options.timeoutMs,
      throwOnRequestTimeout: true,
      socketTimeout: options.timeoutMs,
    }),
  });
}

/** Options of {@link lambdaInvoker}. */
export interface LambdaInvokerOptions {
  /** A client from {@link createLambdaClient}; built from `timeoutMs` when absent. */
  client?: LambdaClient;
  /** The deployed function name (or ARN) of each agent the caller may invoke. */
  functionNames: Readonly<Partial<Record<AgentName, string>>>;
  /** Used to build the client when none is given: above the callees' Lambda timeout. */
  timeoutMs: number;
}

const MAX_ERROR = 500;

/**
 * An {@link AgentInvoker} over Lambda `Invoke` (RequestResponse, JSON payload): a function error, a
 * payload that is not JSON or an SDK error (throttled, timed out, denied) becomes `{ ok: false }`.
 */
export function lambdaInvoker(options: LambdaInvokerOptions): AgentInvoker {
  const client = options.client ?? createLambdaClient({ timeoutMs: options.timeoutMs });
  const encoder = new TextEncoder();
  return {
    async invoke(agent, event) {
      const functionName = options.functionNames[agent];
      if (!functionName) return { ok: false, error: `no Lambda function configured for ${agent}` };
      let output: InvokeCommandOutput;
      try {
        output = await client.send(
          new InvokeCommand({
            FunctionName: functionName,
            InvocationType: 'RequestResponse',
            Payload: encoder.encode(JSON.stringify(event ?? null)),
          }),
        );
      } catch (error) {
        return { ok: false, error: truncate(`${agent} invoke failed: ${describeError(error)}`, MAX_ERROR) };
      }
      return readInvokeOutput(agent, output);
    },
  };
}

/** Interprets an `Invoke` response: the function's error (type and message only), or its JSON payload. */
export function readInvokeOutput(agent: AgentName, output: InvokeCommandOutput): InvokeOutcome {
  const text = output.Payload ? new TextDecoder().decode(output.Payload) : '';
  if (output.FunctionError) {
    return {
      ok: false,
      error: truncate(`${agent} failed: ${functionErrorText(output.FunctionError, text)}`, MAX_ERROR),
    };
  }
  if (output.StatusCode !== undefined && output.StatusCode !== 200) {
    return { ok: false, error: `${agent} invoke returned status ${output.StatusCode}` };
  }
  // Lambda returns the text `null` for a handler that returns nothing; an empty body is read the same way.
  if (text.trim() === '') return { ok: true, payload: null };
  try {
    return { ok: true, payload: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, error: `${agent} returned a payload that is not JSON` };
  }
}

/** `errorType: errorMessage` from a Lambda error payload; the stack trace it may carry is dropped. */
function functionErrorText(functionError: string, text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return `${functionError} function error`;
  }
  if (typeof parsed !== 'object' || parsed === null) return `${functionError} function error`;
  const { errorType, errorMessage } = parsed as { errorType?: unknown; errorMessage?: unknown };
  const type = typeof errorType === 'string' && errorType ? errorType : functionError;
  const message = typeof errorMessage === 'string' ? firstLine(errorMessage, MAX_ERROR) : '';
  return message ? `${type}: ${message}` : `${type} function error`;
}
