import { setTraceProcessors, setTracingDisabled } from '@openai/agents-core';
import type { TracingHandle, TracingOptions } from './configure-tracing';

/**
 * `configureTracing` for a Lambda: Langfuse and OpenTelemetry (about 320 KB) are imported only when keys are
 * given, so a cold start without tracing never reads them. A subpath of its own, not re-exported from the
 * index: bundlers group code by file, and importing the index would pull them back into the startup chunk.
 */
export async function configureLambdaTracing(options: TracingOptions): Promise<TracingHandle> {
  if (!options.langfuse?.publicKey || !options.langfuse.secretKey) {
    setTracingDisabled(true);
    setTraceProcessors([]);
    return { enabled: false, flush: async () => {} };
  }
  const { configureTracing } = await import('./configure-tracing');
  return configureTracing(options);
}
