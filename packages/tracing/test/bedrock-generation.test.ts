import { inJobTrace } from '@alex/llm';
import { BedrockModel } from '@alex/llm/bedrock';
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { setLangfuseTracerProvider } from '@langfuse/tracing';
import { Agent, run, setTraceProcessors, setTracingDisabled } from '@openai/agents-core';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { configureTracing } from '../src/index';
import { FakeLangfuse } from './support/fake-langfuse';

const MODEL_ID = 'us.amazon.nova-pro-v1:0';
const JOB_ID = '0f3c5a9e-1b2d-4c6e-8a7f-9d0e1f2a3b4c';
const fakes: FakeLangfuse[] = [];

afterEach(async () => {
  setTraceProcessors([]);
  setTracingDisabled(true);
  setLangfuseTracerProvider(null);
  await Promise.all(fakes.splice(0).map((fake) => fake.stop()));
});

/** Runs one reporter-like agent on the real BedrockModel (its client answering from a mock) and exports the trace. */
async function tracedRun(includeContent: boolean) {
  const langfuse = await FakeLangfuse.start('answer');
  fakes.push(langfuse);
  const tracing = configureTracing({
    langfuse: { publicKey: 'pk-lf-test', secretKey: 'sk-lf-test', baseUrl: langfuse.baseUrl },
    serviceName: 'reporter',
    logger: { warn: () => {} },
    includeContent,
  });
  const client = new BedrockRuntimeClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  });
  const bedrock = mockClient(client);
  bedrock.on(ConverseCommand).resolves({
    output: {
      message: { role: 'assistant', content: [{ text: '# Report\nEquity is 71.9% of $99,437.50.' }] },
    },
    stopReason: 'end_turn',
    usage: { inputTokens: 1_234, outputTokens: 56, totalTokens: 1_290 },
    metrics: { latencyMs: 812 },
    $metadata: {},
  });
  const model = new BedrockModel({ modelId: MODEL_ID, client });
  const agent = new Agent({ name: 'Report Writer', instructions: 'Write the report.', model });
  await inJobTrace('reporter', JOB_ID, () => run(agent, 'Total value $99,437.50 for test_user_001.'));
  await tracing.flush();
  bedrock.restore();
  return langfuse.spans();
}

describe('Bedrock generations in Langfuse', () => {
  it('records the model, tokens, stop reason and latency of the Bedrock model, in a trace named for the agent and grouped by job', async () => {
    const spans = await tracedRun(false);
    const generation = spans.find((span) => span.attributes['langfuse.observation.type'] === 'generation');
    expect(generation?.name).toBe(MODEL_ID);
    expect(generation?.attributes).toMatchObject({
      'langfuse.observation.model.name': MODEL_ID,
      'langfuse.observation.metadata.stopReason': 'end_turn',
    });
    expect(JSON.parse(String(generation?.attributes['langfuse.observation.usage_details']))).toEqual({
      input: 1_234,
      output: 56,
      total: 1_290,
    });
    expect(Number(generation?.attributes['langfuse.observation.metadata.latencyMs'])).toBeGreaterThanOrEqual(
      0,
    );
    const root = spans.find((span) => span.parentSpanId === undefined);
    expect(root?.attributes).toMatchObject({ 'langfuse.trace.name': 'reporter', 'session.id': JOB_ID });
  });

  it('leaves prompts and answers out unless content export is turned on', async () => {
    const without = await tracedRun(false);
    expect(JSON.stringify(without)).not.toContain('99,437.50');
    expect(JSON.stringify(without)).not.toContain('test_user_001');

    const withContent = await tracedRun(true);
    const generation = withContent.find(
      (span) => span.attributes['langfuse.observation.type'] === 'generation',
    );
    expect(String(generation?.attributes['langfuse.observation.input'])).toContain('test_user_001');
    expect(String(generation?.attributes['langfuse.observation.output'])).toContain('71.9%');
  });
});
