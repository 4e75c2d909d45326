import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { Agent, type Model, ModelBehaviorError, run, tool } from '@openai/agents-core';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BedrockModel } from '../src/bedrock';
import { createUsageMeter, meteredModel, runModelStep } from '../src/index';
import { converseReply } from './support/converse-fixtures';

const bedrock = mockClient(BedrockRuntimeClient);
const model = () => new BedrockModel({ modelId: 'us.amazon.nova-pro-v1:0', region: 'us-east-1' });

const PRICES: Record<string, number> = { VTI: 301.25, BND: 72.4 };

function pricingAgent(calls: string[], bedrockModel: Model = model()) {
  const getPrice = tool({
    name: 'get_price',
    description: 'Latest price of one instrument.',
    parameters: z.object({ symbol: z.string() }),
    execute: async ({ symbol }) => {
      calls.push(symbol);
      return `${symbol}: ${PRICES[symbol]}`;
    },
  });
  return new Agent({
    name: 'Reporter',
    instructions: 'Value the account.',
    model: bedrockModel,
    tools: [getPrice],
  });
}

const Classification = z.object({
  instrument_type: z.enum(['etf', 'stock', 'bond_fund']),
  allocation_asset_class: z.object({ equity: z.number(), fixed_income: z.number(), cash: z.number() }),
  allocation_regions: z.object({ north_america: z.number(), europe: z.number(), asia: z.number() }),
});

const sentInput = (call: number) => bedrock.commandCalls(ConverseCommand)[call]?.args[0].input;

beforeEach(() => bedrock.reset());
afterEach(() => bedrock.reset());

describe('BedrockModel through run()', () => {
  it('executes both tool calls of one turn and sends their results back as toolResult blocks', async () => {
    bedrock
      .on(ConverseCommand)
      .resolvesOnce(converseReply('converse-parallel-tool-calls'))
      .resolvesOnce(converseReply('converse-text-reply'));
    const calls: string[] = [];

    const result = await run(pricingAgent(calls), 'What is my account worth?');

    expect(calls.sort()).toEqual(['BND', 'VTI']);
    expect(result.finalOutput).toMatch(/^Your portfolio is 62% US equities/);
    const second = sentInput(1);
    expect(second?.toolConfig?.tools?.map((t) => t.toolSpec?.name)).toEqual(['get_price']);
    expect(second?.messages?.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    const [, assistant, results] = second?.messages ?? [];
    expect(assistant?.content?.filter((b) => b.toolUse).map((b) => b.toolUse?.toolUseId)).toEqual([
      'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q',
      'tooluse_3Xw9TqPzS0uN1bVc8yHf2A',
    ]);
    expect(results?.content?.map((b) => b.toolResult)).toEqual([
      { toolUseId: 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q', content: [{ text: 'VTI: 301.25' }] },
      { toolUseId: 'tooluse_3Xw9TqPzS0uN1bVc8yHf2A', content: [{ text: 'BND: 72.4' }] },
    ]);
    expect(second?.system).toEqual([{ text: 'Value the account.' }]);
  });

  it('counts usage per request in the run result and through meteredModel', async () => {
    bedrock
      .on(ConverseCommand)
      .resolvesOnce(converseReply('converse-parallel-tool-calls'))
      .resolvesOnce(converseReply('converse-text-reply'));
    const meter = createUsageMeter();

    const result = await run(pricingAgent([], meteredModel(model(), meter)), 'Value it.');

    expect(result.state.usage.requests).toBe(2);
    expect(result.state.usage.inputTokens).toBe(655 + 412);
    expect(result.state.usage.outputTokens).toBe(97 + 38);
    expect(meter.snapshot()).toEqual({ requests: 2, input_tokens: 1067, output_tokens: 135 });
  });

  it('forces the final_output tool for an outputType and parses its input into the zod type', async () => {
    bedrock.on(ConverseCommand).resolvesOnce(converseReply('converse-structured-output'));
    const agent = new Agent({ name: 'Tagger', model: model(), outputType: Classification });

    const result = await run(agent, 'Classify VTI.');

    expect(result.finalOutput).toEqual({
      instrument_type: 'etf',
      allocation_asset_class: { equity: 100, fixed_income: 0, cash: 0 },
      allocation_regions: { north_america: 100, europe: 0, asia: 0 },
    });
    const sent = sentInput(0);
    expect(sent?.toolConfig?.toolChoice).toEqual({ tool: { name: 'final_output' } });
    const schema = sent?.toolConfig?.tools?.[0]?.toolSpec?.inputSchema?.json as Record<string, unknown>;
    expect(schema.required).toEqual(['instrument_type', 'allocation_asset_class', 'allocation_regions']);
    expect(schema).not.toHaveProperty('$schema');
  });

  it('offers tools and final_output with toolChoice any when an outputType agent also has tools', async () => {
    bedrock.on(ConverseCommand).resolvesOnce(converseReply('converse-structured-output'));
    const agent = new Agent({
      name: 'Tagger',
      model: model(),
      tools: pricingAgent([]).tools,
      outputType: Classification,
    });

    await run(agent, 'Classify VTI.');

    const sent = sentInput(0);
    expect(sent?.toolConfig?.toolChoice).toEqual({ any: {} });
    expect(sent?.toolConfig?.tools?.map((t) => t.toolSpec?.name)).toEqual(['final_output', 'get_price']);
  });

  it('rejects a tool call whose input is not an object', async () => {
    bedrock.on(ConverseCommand).resolvesOnce(converseReply('converse-malformed-tool-input'));

    await expect(run(pricingAgent([]), 'Value it.')).rejects.toThrow(ModelBehaviorError);
  });

  it.each([
    ['converse-malformed-tool-input', /get_price has input .* not a JSON object/],
    ['converse-unknown-tool', /not offered: update_report/],
  ] as const)(
    'turns a malformed tool call (%s) into the offline fallback in runModelStep',
    async (name, why) => {
      bedrock.on(ConverseCommand).resolves(converseReply(name));
      const calls: string[] = [];
      const meter = createUsageMeter();

      const step = await runModelStep({
        llm: { id: 'us.amazon.nova-pro-v1:0', model: model() },
        meter,
        step: async (m) => String((await run(pricingAgent(calls, m), 'Value it.')).finalOutput),
        fallback: () => 'computed summary',
      });

      expect(step).toMatchObject({ value: 'computed summary', model: 'offline' });
      expect(step.fallbackReason).toMatch(why);
      expect(calls).toEqual([]);
      // A behaviour error is not transient: one model request, no step retries.
      expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(1);
      expect(meter.snapshot().requests).toBe(1);
    },
  );

  it('refuses streaming with a clear error', () => {
    expect(() => model().getStreamedResponse({} as never)).toThrow(/does not support streaming/);
  });
});
