import { setLangfuseTracerProvider } from '@langfuse/tracing';
import {
  addTraceProcessor,
  createCustomSpan,
  setTraceProcessors,
  setTracingDisabled,
  withTrace,
} from '@openai/agents-core';
import { afterEach, describe, expect, it } from 'vitest';
import { configureTracing, type TracingHandle } from '../src/index';
import { recordingProcessor, runCalculator, TEST_MODEL_ID } from './support/calculator-agent';
import { FakeLangfuse, type ReceivedSpan } from './support/fake-langfuse';

const keys = { publicKey: 'pk-lf-test', secretKey: 'sk-lf-test' };
const fakes: FakeLangfuse[] = [];

async function startLangfuse(mode: 'answer' | 'hang' = 'answer'): Promise<FakeLangfuse> {
  const fake = await FakeLangfuse.start(mode);
  fakes.push(fake);
  return fake;
}

function configure(baseUrl: string, flushTimeoutMs?: number, includeContent = true) {
  const warnings: string[] = [];
  const logger = { warn: (message: string) => void warnings.push(message) };
  const tracing: TracingHandle = configureTracing({
    langfuse: { ...keys, baseUrl },
    serviceName: 'alex_test_agent',
    logger,
    // Most tests here check how content maps; the last one and bedrock-generation.test.ts check it stays out.
    includeContent,
    ...(flushTimeoutMs === undefined ? {} : { flushTimeoutMs }),
  });
  return { tracing, warnings };
}

function ancestors(spans: ReceivedSpan[], span: ReceivedSpan): string[] {
  const parent = spans.find((candidate) => candidate.spanId === span.parentSpanId);
  return parent ? [parent.name, ...ancestors(spans, parent)] : [];
}

afterEach(async () => {
  setTraceProcessors([]);
  setTracingDisabled(true);
  setLangfuseTracerProvider(null);
  await Promise.all(fakes.splice(0).map((fake) => fake.stop()));
});

describe('configureTracing with Langfuse keys', () => {
  it('exports the run to the Langfuse OTLP endpoint with basic auth when flushed', async () => {
    const langfuse = await startLangfuse();
    const { tracing, warnings } = configure(langfuse.baseUrl);

    await runCalculator();
    await tracing.flush();

    expect(tracing.enabled).toBe(true);
    expect(warnings).toEqual([]);
    expect(langfuse.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /api/public/otel/v1/traces',
    ]);
    expect(langfuse.requests[0]?.authorization).toBe(
      `Basic ${Buffer.from('pk-lf-test:sk-lf-test').toString('base64')}`,
    );
  });

  it('nests agent, tool and generation observations under one trace', async () => {
    const langfuse = await startLangfuse();
    const { tracing } = configure(langfuse.baseUrl);

    await runCalculator();
    await tracing.flush();

    const spans = langfuse.spans();
    const roots = spans.filter((span) => span.parentSpanId === undefined);
    expect(roots.map((root) => root.attributes['langfuse.trace.name'])).toEqual(['Agent workflow']);
    expect(roots[0]?.attributes['langfuse.trace.tags']).toEqual(['alex_test_agent']);
    expect(new Set(spans.map((span) => span.traceId)).size).toBe(1);

    const agent = spans.find((span) => span.name === 'Calculator');
    expect(agent?.attributes['langfuse.observation.type']).toBe('agent');

    const tool = spans.find((span) => span.name === 'add');
    expect(tool?.attributes).toMatchObject({
      'langfuse.observation.type': 'tool',
      'langfuse.observation.input': '{"a":2,"b":3}',
      'langfuse.observation.output': '5',
    });
    expect(tool && ancestors(spans, tool)).toContain('Calculator');
  });

  it('exports model generations with model name and token usage', async () => {
    const langfuse = await startLangfuse();
    const { tracing } = configure(langfuse.baseUrl);

    await runCalculator();
    await tracing.flush();

    const generations = langfuse.spans().filter((span) => span.name === TEST_MODEL_ID);
    expect(generations.map((span) => span.attributes['langfuse.observation.type'])).toEqual([
      'generation',
      'generation',
    ]);
    expect(generations[0]?.attributes['langfuse.observation.model.name']).toBe(TEST_MODEL_ID);
    const usage = generations.map((span) =>
      JSON.parse(String(span.attributes['langfuse.observation.usage_details'])),
    );
    expect(usage).toEqual([
      { input: 12, output: 7, total: 19 },
      { input: 20, output: 1, total: 21 },
    ]);
    expect(String(generations[0]?.attributes['langfuse.observation.input'])).toContain('What is 2 + 3?');
  });

  it('replaces trace processors registered earlier, such as the OpenAI exporter', async () => {
    const langfuse = await startLangfuse();
    const earlier = recordingProcessor();
    addTraceProcessor(earlier);

    const { tracing } = configure(langfuse.baseUrl);
    await runCalculator();
    await tracing.flush();

    expect(earlier.seen).toEqual([]);
    expect(langfuse.spans().map((span) => span.name)).toContain('add');
  });
});

describe('TracingHandle.flush', () => {
  it('gives up after its timeout with a warning when Langfuse does not answer', async () => {
    const langfuse = await startLangfuse('hang');
    const { tracing, warnings } = configure(langfuse.baseUrl, 200);
    await runCalculator();

    const started = performance.now();
    await tracing.flush();

    expect(performance.now() - started).toBeLessThan(1_500);
    expect(warnings).toEqual(['Langfuse flush timed out; spans may be lost']);
  });

  it('resolves with a warning when Langfuse is unreachable', async () => {
    const closed = await startLangfuse();
    const baseUrl = closed.baseUrl;
    await closed.stop();
    const { tracing, warnings } = configure(baseUrl);
    await runCalculator();

    await expect(tracing.flush()).resolves.toBeUndefined();

    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Langfuse flush (failed|timed out)/);
  });
});

describe('configureTracing without content export', () => {
  it('keeps tool inputs and outputs, generations’ messages and custom span data out of Langfuse', async () => {
    const langfuse = await startLangfuse();
    const { tracing } = configure(langfuse.baseUrl, undefined, false);

    await runCalculator();
    await withTrace('custom', async () => {
      const span = createCustomSpan({ data: { name: 'portfolio note', data: { holding: 'SPY 45,025.00' } } });
      span.start();
      span.end();
    });
    await tracing.flush();

    const spans = langfuse.spans();
    const tool = spans.find((span) => span.name === 'add');
    expect(tool?.attributes['langfuse.observation.type']).toBe('tool');
    expect(tool?.attributes).not.toHaveProperty('langfuse.observation.input');
    expect(tool?.attributes).not.toHaveProperty('langfuse.observation.output');
    expect(spans.some((span) => span.name === 'portfolio note')).toBe(true);
    expect(JSON.stringify(spans)).not.toContain('45,025.00');
    expect(JSON.stringify(spans)).not.toContain('What is 2 + 3?');
  });
});
