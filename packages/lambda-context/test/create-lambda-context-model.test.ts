import { OFFLINE } from '@alex/llm';
import { BedrockModel } from '@alex/llm/bedrock';
import {
  BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandOutput,
  ThrottlingException,
} from '@aws-sdk/client-bedrock-runtime';
import { Agent, type Model, run } from '@openai/agents-core';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createLambdaContext, type LambdaContext } from '../src';
import { agentEnv } from './support/local-aurora';

const bedrock = mockClient(BedrockRuntimeClient);

afterEach(() => {
  bedrock.reset();
});

const BEDROCK = {
  LLM_PROVIDER: 'bedrock',
  BEDROCK_MODEL_ID: 'us.amazon.nova-lite-v1:0',
  BEDROCK_REGION: 'us-west-2',
};

const reply: ConverseCommandOutput = {
  $metadata: { httpStatusCode: 200 },
  output: { message: { role: 'assistant', content: [{ text: 'A balanced portfolio.' }] } },
  stopReason: 'end_turn',
  usage: { inputTokens: 12, outputTokens: 4, totalTokens: 16 },
  metrics: { latencyMs: 80 },
};

const throttled = () =>
  new ThrottlingException({ message: 'Too many requests', $metadata: { httpStatusCode: 429 } });

/** Runs a one-turn agent on the context's model inside an invocation with `timeLeftMs` remaining. */
function summarise(context: LambdaContext, timeLeftMs: number) {
  const model = context.llm.model as Model;
  return context.invoke({ getRemainingTimeInMillis: () => timeLeftMs }, async () => {
    const result = await run(new Agent({ name: 'Writer', instructions: 'Summarise.', model }), 'Summarise.');
    return result.finalOutput;
  });
}

describe('createLambdaContext model wiring', () => {
  it('uses the offline model when LLM_PROVIDER is offline', async () => {
    const context = await createLambdaContext(agentEnv({ LLM_PROVIDER: 'offline' }), 'charter');

    expect(context.llm).toEqual(OFFLINE);
  });

  it('uses Bedrock with its default model when the env names no provider', async () => {
    const context = await createLambdaContext(agentEnv({ LLM_PROVIDER: '' }), 'reporter');

    expect(context.llm.id).toBe('us.amazon.nova-pro-v1:0');
    expect(context.llm.model).toBeInstanceOf(BedrockModel);
  });

  it('sends Converse requests for the env’s model id to the env’s Bedrock region', async () => {
    bedrock.on(ConverseCommand).resolves(reply);
    const context = await createLambdaContext(agentEnv(BEDROCK), 'reporter');

    expect(await summarise(context, 300_000)).toBe('A balanced portfolio.');

    expect(context.llm.id).toBe('us.amazon.nova-lite-v1:0');
    const calls = bedrock.commandCalls(ConverseCommand);
    expect(calls.map((call) => call.args[0].input.modelId)).toEqual(['us.amazon.nova-lite-v1:0']);
    const client = calls[0]?.thisValue as BedrockRuntimeClient;
    expect(await client.config.region()).toBe('us-west-2');
  });

  it('sends the agent’s own model id when its override is set, and the shared id for the other agents', async () => {
    bedrock.on(ConverseCommand).resolves(reply);
    const env = agentEnv({ ...BEDROCK, PLANNER_BEDROCK_MODEL_ID: 'us.amazon.nova-micro-v1:0' });
    const planner = await createLambdaContext(env, 'planner');
    const tagger = await createLambdaContext(env, 'tagger');

    await summarise(planner, 300_000);
    await summarise(tagger, 300_000);

    expect([planner.llm.id, tagger.llm.id]).toEqual([
      'us.amazon.nova-micro-v1:0',
      'us.amazon.nova-lite-v1:0',
    ]);
    expect(bedrock.commandCalls(ConverseCommand).map((call) => call.args[0].input.modelId)).toEqual([
      'us.amazon.nova-micro-v1:0',
      'us.amazon.nova-lite-v1:0',
    ]);
  });

  it('retries a throttled model call while the invocation has time left', async () => {
    bedrock.on(ConverseCommand).rejectsOnce(throttled()).resolves(reply);
    const context = await createLambdaContext(agentEnv(BEDROCK), 'reporter');

    expect(await summarise(context, 300_000)).toBe('A balanced portfolio.');
    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(2);
  });

  it('does not retry a throttled call when a full attempt would no longer fit before the deadline', async () => {
    bedrock.on(ConverseCommand).rejectsOnce(throttled()).resolves(reply);
    const context = await createLambdaContext(agentEnv(BEDROCK), 'reporter');

    // 125.4 s left: 120 s for an attempt plus the 5 s margin fit once, but not after a retry delay.
    await expect(summarise(context, 125_400)).rejects.toMatchObject({
      name: 'ModelRetriesExhaustedError',
      reason: 'deadline',
    });
    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(1);
  });

  it('makes no model call when the invocation is inside the model’s safety margin', async () => {
    bedrock.on(ConverseCommand).resolves(reply);
    const context = await createLambdaContext(agentEnv(BEDROCK), 'reporter');

    await expect(summarise(context, 4_000)).rejects.toMatchObject({ name: 'ModelRetriesExhaustedError' });
    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(0);
  });

  it('refuses the OpenAI-compatible provider, which is not bundled into the Lambdas', async () => {
    await expect(
      createLambdaContext(agentEnv({ LLM_PROVIDER: 'openai-compatible' }), 'reporter'),
    ).rejects.toThrow('LLM_PROVIDER=openai-compatible is not available in Lambda: use bedrock or offline');
  });
});
