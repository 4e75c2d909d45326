import {
  BedrockRuntimeClient,
  type BedrockRuntimeClientConfig,
  ConverseCommand,
  type ConverseCommandOutput,
} from '@aws-sdk/client-bedrock-runtime';
import {
  type Model,
  type ModelRequest,
  type ModelResponse,
  type StreamEvent,
  withGenerationSpan,
} from '@openai/agents-core';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { LlmError, ModelCallTimeoutError } from '../errors';
import { type AttemptBudget, type BedrockRetryOptions, withBedrockRetry } from './bedrock-retry';
import { toConverseInput } from './converse-request';
import { fromConverseOutput } from './converse-response';

/** The default Bedrock model: Amazon Nova Pro through its US cross-region inference profile. */
export const DEFAULT_BEDROCK_MODEL_ID = 'us.amazon.nova-pro-v1:0';
/** The default Bedrock region (the `us.` inference profiles are served from US regions). */
export const DEFAULT_BEDROCK_REGION = 'us-east-1';
/** The default time one Converse attempt may take. */
export const DEFAULT_BEDROCK_TIMEOUT_MS = 120_000;

/** How to reach Bedrock; everything but the model id has a default. */
export interface BedrockClientOptions {
  region?: string;
  /** Upper bound of one attempt, enforced by the HTTP handler and by an abort timer. */
  timeoutMs?: number;
  /** Another endpoint, e.g. a local fake on http://127.0.0.1:PORT. */
  endpoint?: string;
  /** Replaces the HTTP/1.1 handler this module builds (the SDK's own default is HTTP/2). */
  requestHandler?: NodeHttpHandler;
  /** Credentials for a local fake; AWS uses the default chain (the Lambda role). */
  credentials?: BedrockRuntimeClientConfig['credentials'];
}

/** Options of the Bedrock model. */
export interface BedrockModelOptions extends BedrockClientOptions {
  modelId?: string;
  /** A ready client (tests, custom credentials); it should have `maxAttempts: 1` as retries happen here. */
  client?: BedrockRuntimeClient;
  retry?: BedrockRetryOptions;
}

/**
 * Builds a Bedrock runtime client for Converse: SDK retries off (`maxAttempts: 1`, the model retries with
 * p-retry) and an HTTP/1.1 handler with connection and request timeouts, because the SDK default handler
 * is HTTP/2 with no timeout, which local HTTP fakes cannot speak and which can hang a Lambda until it dies.
 */
export function createBedrockClient(options: BedrockClientOptions = {}): BedrockRuntimeClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_BEDROCK_TIMEOUT_MS;
  return new BedrockRuntimeClient({
    region: options.region ?? DEFAULT_BEDROCK_REGION,
    maxAttempts: 1,
    requestHandler:
      options.requestHandler ??
      new NodeHttpHandler({
        connectionTimeout: 5_000,
        requestTimeout: timeoutMs,
        throwOnRequestTimeout: true,
      }),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
}

/** An Agents SDK model over the Bedrock Converse API, with tools, structured output and bounded retries. */
export class BedrockModel implements Model {
  readonly modelId: string;
  readonly #client: BedrockRuntimeClient;
  readonly #timeoutMs: number;
  readonly #retry: BedrockRetryOptions;

  constructor(options: BedrockModelOptions = {}) {
    this.modelId = options.modelId ?? DEFAULT_BEDROCK_MODEL_ID;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_BEDROCK_TIMEOUT_MS;
    this.#client = options.client ?? createBedrockClient(options);
    this.#retry = options.retry ?? {};
  }

  /**
   * One model turn inside an Agents SDK generation span: model id, token usage, stop reason and latency always;
   * the messages and the answer only when the run traces sensitive data (`request.tracing === true`).
   */
  getResponse(request: ModelRequest): Promise<ModelResponse> {
    const prepared = toConverseInput(request, this.modelId);
    const withData = request.tracing === true;
    const data = {
      model: this.modelId,
      model_config: { ...prepared.input.inferenceConfig },
      ...(withData ? { input: prepared.input.messages ?? [] } : {}),
    };
    return withGenerationSpan(
      async (span) => {
        const started = performance.now();
        const output = await withBedrockRetry(
          (budget) => this.#converse(prepared.input, budget, request.signal),
          {
            timeoutMs: this.#timeoutMs,
            retry: this.#retry,
            ...(request.signal ? { signal: request.signal } : {}),
          },
        );
        Object.assign(span.spanData, {
          usage: {
            input_tokens: output.usage?.inputTokens ?? 0,
            output_tokens: output.usage?.outputTokens ?? 0,
          },
          stop_reason: output.stopReason,
          latency_ms: Math.round(performance.now() - started),
          ...(withData ? { output: output.output?.message?.content ?? [] } : {}),
        });
        return fromConverseOutput(output, prepared);
      },
      { data },
    );
  }

  getStreamedResponse(_request: ModelRequest): AsyncIterable<StreamEvent> {
    throw new LlmError('BedrockModel does not support streaming; run agents without { stream: true }');
  }

  /** One attempt, bounded by its budget even if the HTTP handler ignores the abort signal. */
  async #converse(
    input: ConverseCommand['input'],
    budget: AttemptBudget,
    signal: AbortSignal | undefined,
  ): Promise<ConverseCommandOutput> {
    const timer = new AbortController();
    const abortSignal = signal ? AbortSignal.any([signal, timer.signal]) : timer.signal;
    const timedOut = () => timer.signal.aborted && !signal?.aborted;
    let onAbort = () => {};
    const aborted = new Promise<never>((_resolve, reject) => {
      onAbort = () => reject(timedOut() ? new LlmError('attempt aborted') : signal?.reason);
      abortSignal.addEventListener('abort', onAbort, { once: true });
    });
    const handle = setTimeout(() => timer.abort(), budget.timeoutMs);
    try {
      return await Promise.race([this.#client.send(new ConverseCommand(input), { abortSignal }), aborted]);
    } catch (error) {
      if (timedOut()) {
        throw new ModelCallTimeoutError(`Bedrock did not answer within ${budget.timeoutMs} ms`, {
          cause: error,
        });
      }
      throw error;
    } finally {
      clearTimeout(handle);
      abortSignal.removeEventListener('abort', onAbort);
    }
  }
}
