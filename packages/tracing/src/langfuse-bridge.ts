import { createObservationAttributes, LangfuseOtelSpanAttributes } from '@langfuse/tracing';
import type { Span, SpanData, Trace, TracingProcessor } from '@openai/agents-core';
import {
  type Attributes,
  type Span as OtelSpan,
  trace as otelTrace,
  ROOT_CONTEXT,
  SpanStatusCode,
  type Tracer,
} from '@opentelemetry/api';
import { mapSpanData, withoutContent } from './span-mapping';

/** The logging port tracing reports its own failures to (the runtime `Logger` fits). */
export interface TracingLogger {
  warn(message: string, attributes?: Record<string, unknown>): void;
}

/** What the bridge needs: a tracer on the Langfuse provider, labels, and the provider's flush and shutdown. */
export interface LangfuseBridgeOptions {
  tracer: Tracer;
  serviceName: string;
  logger: TracingLogger;
  /** Export prompts, answers and tool inputs and outputs (they hold portfolio data); off unless asked for. */
  includeContent?: boolean;
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

interface OpenSpan {
  otel: OtelSpan;
  traceId: string;
}

const startTimeOf = (iso: string | null) => (iso ? { startTime: new Date(iso) } : {});

/** An Agents SDK trace processor that re-creates every SDK trace and span as an OTel span in Langfuse's format. */
export class LangfuseBridge implements TracingProcessor {
  // SDK trace ids ("trace_...") and span ids ("span_...") never collide, so one map holds both.
  readonly #open = new Map<string, OpenSpan>();
  readonly #options: LangfuseBridgeOptions;

  constructor(options: LangfuseBridgeOptions) {
    this.#options = options;
  }

  async onTraceStart(trace: Trace): Promise<void> {
    this.#guard('trace start', () => {
      const attributes = this.#traceAttributes(trace);
      const otel = this.#options.tracer.startSpan(trace.name, { attributes }, ROOT_CONTEXT);
      this.#open.set(trace.traceId, { otel, traceId: trace.traceId });
    });
  }

  async onTraceEnd(trace: Trace): Promise<void> {
    this.#guard('trace end', () => {
      // A span the SDK never ended would otherwise stay in memory and never be exported.
      for (const [id, open] of this.#open) {
        if (open.traceId !== trace.traceId || id === trace.traceId) continue;
        open.otel.end();
        this.#open.delete(id);
      }
      this.#open.get(trace.traceId)?.otel.end();
      this.#open.delete(trace.traceId);
    });
  }

  async onSpanStart(span: Span<SpanData>): Promise<void> {
    this.#guard('span start', () => {
      this.#start(span);
    });
  }

  async onSpanEnd(span: Span<SpanData>): Promise<void> {
    this.#guard('span end', () => {
      const open = this.#open.get(span.spanId) ?? this.#start(span);
      this.#open.delete(span.spanId);
      // Span data is filled in while the span runs (model output, usage), so it is read at the end.
      const mapped = mapSpanData(span.spanData);
      const { name, type, attributes } = this.#options.includeContent
        ? mapped
        : withoutContent(mapped, span.spanData);
      const error = span.error;
      const status = error ? { level: 'ERROR' as const, statusMessage: error.message } : {};
      open.otel.updateName(name);
      open.otel.setAttributes(createObservationAttributes(type, { ...attributes, ...status }));
      if (error) open.otel.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
      open.otel.end(span.endedAt ? new Date(span.endedAt) : undefined);
    });
  }

  async forceFlush(): Promise<void> {
    await this.#options.flush();
  }

  async shutdown(): Promise<void> {
    try {
      await this.#options.shutdown();
    } catch (error) {
      this.#warn('shutdown', error);
    }
  }

  #start(span: Span<SpanData>): OpenSpan {
    const { name, type } = mapSpanData(span.spanData);
    const parent =
      (span.parentId ? this.#open.get(span.parentId) : undefined) ?? this.#open.get(span.traceId);
    const context = parent ? otelTrace.setSpan(ROOT_CONTEXT, parent.otel) : ROOT_CONTEXT;
    const attributes = createObservationAttributes(type, {});
    const otel = this.#options.tracer.startSpan(
      name,
      { attributes, ...startTimeOf(span.startedAt) },
      context,
    );
    const open = { otel, traceId: span.traceId };
    this.#open.set(span.spanId, open);
    return open;
  }

  #traceAttributes(trace: Trace): Attributes {
    const metadata = { ...trace.metadata, agentsTraceId: trace.traceId, service: this.#options.serviceName };
    return {
      ...createObservationAttributes('span', { metadata }),
      [LangfuseOtelSpanAttributes.TRACE_NAME]: trace.name,
      [LangfuseOtelSpanAttributes.TRACE_TAGS]: [this.#options.serviceName],
      ...(trace.groupId ? { [LangfuseOtelSpanAttributes.TRACE_SESSION_ID]: trace.groupId } : {}),
    };
  }

  // The SDK does not await or catch processor callbacks: a throw here would become an unhandled rejection.
  #guard(stage: string, action: () => void): void {
    try {
      action();
    } catch (error) {
      this.#warn(stage, error);
    }
  }

  #warn(stage: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.#options.logger.warn('Langfuse tracing bridge failed', { stage, error: message });
  }
}
