import { LangfuseSpanProcessor } from '@langfuse/otel';
import { getLangfuseTracer, setLangfuseTracerProvider } from '@langfuse/tracing';
import { setTraceProcessors, setTracingDisabled } from '@openai/agents-core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { LangfuseBridge, type TracingLogger } from './langfuse-bridge';

/** Langfuse project keys and, for a self-hosted instance, its base URL. */
export interface LangfuseKeys {
  publicKey: string;
  secretKey: string;
  baseUrl?: string;
}

/** Options of `configureTracing`: Langfuse keys (absent means tracing off), the service label and a logger. */
export interface TracingOptions {
  langfuse?: LangfuseKeys | null;
  serviceName: string;
  logger?: TracingLogger;
  /**
   * Export what the person, their portfolio and the models wrote (prompts, answers, tool inputs and outputs).
   * Off by default: traces then carry names, models, tokens, timings and errors only.
   */
  includeContent?: boolean;
  /** Upper bound of one flush, and of one export request, in milliseconds (default 2000). */
  flushTimeoutMs?: number;
}

/** What a handler keeps: whether Langfuse export is on, and a bounded flush that never throws. */
export interface TracingHandle {
  enabled: boolean;
  flush(): Promise<void>;
}

/** Default bound of one flush: short enough that a Langfuse outage costs a Lambda little. */
export const DEFAULT_FLUSH_TIMEOUT_MS = 2_000;

const consoleLogger: TracingLogger = {
  warn: (message, attributes) => console.warn(JSON.stringify({ level: 'warn', message, ...attributes })),
};

/** Runs `flush`, waiting at most `timeoutMs`; a timeout or failure becomes a warning, never an error. */
export async function flushWithin(
  flush: () => Promise<void>,
  timeoutMs: number,
  logger: TracingLogger,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([flush().then(() => 'flushed' as const), timedOut]);
    if (outcome === 'timeout') logger.warn('Langfuse flush timed out; spans may be lost', { timeoutMs });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.warn('Langfuse flush failed; spans may be lost', { error: message });
  } finally {
    clearTimeout(timer);
  }
}

function disableTracing(): TracingHandle {
  // Disabled first, then no processors: even a processor added later (e.g. by importing
  // `@openai/agents`, which registers the OpenAI exporter) never receives a trace.
  setTracingDisabled(true);
  setTraceProcessors([]);
  setLangfuseTracerProvider(null);
  return { enabled: false, flush: async () => {} };
}

/** Sends Agents SDK traces to Langfuse when keys are given, and turns SDK tracing off (no OpenAI export) otherwise. */
export function configureTracing(options: TracingOptions): TracingHandle {
  const keys = options.langfuse;
  if (!keys?.publicKey || !keys.secretKey) return disableTracing();
  const timeoutMs = options.flushTimeoutMs ?? DEFAULT_FLUSH_TIMEOUT_MS;
  const logger = options.logger ?? consoleLogger;
  // Batched, not "immediate": one export request per invocation, sent by the flush before the handler returns.
  const processor = new LangfuseSpanProcessor({
    publicKey: keys.publicKey,
    secretKey: keys.secretKey,
    ...(keys.baseUrl ? { baseUrl: keys.baseUrl } : {}),
    exportMode: 'batched',
    mediaUploadEnabled: false,
    timeout: timeoutMs / 1000,
  });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: [processor],
  });
  // Isolated provider: nothing is registered as the global OTel provider, and Langfuse's own
  // `startObservation` (e.g. for judge scores) exports through the same processor.
  setLangfuseTracerProvider(provider);
  const flush = () => flushWithin(() => provider.forceFlush(), timeoutMs, logger);
  const bridge = new LangfuseBridge({
    tracer: getLangfuseTracer(),
    serviceName: options.serviceName,
    logger,
    includeContent: options.includeContent ?? false,
    flush,
    shutdown: () => provider.shutdown(),
  });
  // Replacing the processor list drops the OpenAI exporter that `@openai/agents` installs on import.
  setTraceProcessors([bridge]);
  setTracingDisabled(false);
  return { enabled: true, flush };
}
