import type { AgentInputItem, ModelRequest } from '@openai/agents-core';
import { describe, expect, it } from 'vitest';
import { toConverseInput } from '../src/bedrock/converse-request';
import { fromConverseOutput } from '../src/bedrock/converse-response';
import { converseReply } from './support/converse-fixtures';

function request(input: ModelRequest['input'], overrides: Partial<ModelRequest> = {}): ModelRequest {
  return {
    input,
    modelSettings: {},
    tools: [],
    outputType: 'text',
    handoffs: [],
    tracing: false,
    ...overrides,
  };
}

const priceTool = (name: string): ModelRequest['tools'][number] => ({
  type: 'function',
  name,
  description: 'Latest price.',
  parameters: {
    type: 'object',
    properties: { symbol: { type: 'string' } },
    required: ['symbol'],
    additionalProperties: false,
  },
  strict: true,
});

const history: AgentInputItem[] = [
  { role: 'user', content: 'Value my account.' },
  { role: 'user', content: [{ type: 'input_text', text: 'Use current prices.' }] },
  { role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Looking them up.' }] },
  { type: 'function_call', callId: 'call-1', name: 'prices.get', arguments: '{"symbol":"VTI"}' },
  { type: 'function_call', callId: 'call-2', name: 'prices.get', arguments: '{"symbol":"BND"}' },
  {
    type: 'function_call_result',
    callId: 'call-1',
    name: 'prices.get',
    status: 'completed',
    output: '301.25',
  },
  {
    type: 'function_call_result',
    callId: 'call-2',
    name: 'prices.get',
    status: 'completed',
    output: { type: 'text', text: '72.40' },
  },
];

describe('toConverseInput', () => {
  it('merges consecutive same-role items so user and assistant alternate, tool results in a user turn', () => {
    const { input } = toConverseInput(request(history, { tools: [priceTool('prices.get')] }), 'm');

    expect(input.messages).toEqual([
      { role: 'user', content: [{ text: 'Value my account.' }, { text: 'Use current prices.' }] },
      {
        role: 'assistant',
        content: [
          { text: 'Looking them up.' },
          { toolUse: { toolUseId: 'call-1', name: 'prices_get', input: { symbol: 'VTI' } } },
          { toolUse: { toolUseId: 'call-2', name: 'prices_get', input: { symbol: 'BND' } } },
        ],
      },
      {
        role: 'user',
        content: [
          { toolResult: { toolUseId: 'call-1', content: [{ text: '301.25' }] } },
          { toolResult: { toolUseId: 'call-2', content: [{ text: '72.40' }] } },
        ],
      },
    ]);
  });

  it('declares the tools of the history when the agent offers none, because Bedrock requires a toolConfig', () => {
    const { input } = toConverseInput(request(history), 'm');

    expect(input.toolConfig?.tools?.map((tool) => tool.toolSpec?.name)).toEqual(['prices_get']);
    expect(input.toolConfig?.toolChoice).toBeUndefined();
  });

  it('sends no toolConfig for a plain conversation without tools', () => {
    expect(toConverseInput(request('Hello'), 'm').input.toolConfig).toBeUndefined();
  });

  it('maps sanitized tool names back and keeps colliding names apart', () => {
    const prepared = toConverseInput(request('Hi', { tools: [priceTool('a.b'), priceTool('a b')] }), 'm');

    expect(prepared.input.toolConfig?.tools?.map((tool) => tool.toolSpec?.name)).toEqual(['a_b', 'a_b_2']);
    expect(prepared.names.fromBedrock('a_b_2')).toBe('a b');
  });

  it('maps model settings onto inferenceConfig and toolChoice', () => {
    const settings = { temperature: 0.2, maxTokens: 800, topP: 0.9, toolChoice: 'required' as const };
    const { input } = toConverseInput(
      request('Hi', { modelSettings: settings, tools: [priceTool('p')] }),
      'm',
    );

    expect(input.inferenceConfig).toEqual({ temperature: 0.2, maxTokens: 800, topP: 0.9 });
    expect(input.toolConfig?.toolChoice).toEqual({ any: {} });
  });

  it('merges system instructions and system items into the system blocks', () => {
    const { input } = toConverseInput(
      request(
        [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hi' },
        ],
        {
          systemInstructions: 'You are Alex.',
        },
      ),
      'm',
    );

    expect(input.system).toEqual([{ text: 'You are Alex.' }, { text: 'Be brief.' }]);
    expect(input.messages).toEqual([{ role: 'user', content: [{ text: 'Hi' }] }]);
  });
});

describe('fromConverseOutput', () => {
  it('turns toolUse blocks into function calls and the reasoning text into a message', () => {
    const prepared = toConverseInput(request('Value it.', { tools: [priceTool('get_price')] }), 'm');

    const response = fromConverseOutput(converseReply('converse-parallel-tool-calls'), prepared);

    expect(response.output.map((item) => item.type)).toEqual(['message', 'function_call', 'function_call']);
    expect(response.output[1]).toMatchObject({
      callId: 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q',
      name: 'get_price',
      arguments: '{"symbol":"VTI"}',
    });
    expect(response.usage).toMatchObject({
      requests: 1,
      inputTokens: 655,
      outputTokens: 97,
      totalTokens: 752,
    });
  });

  it('returns only the final_output JSON as the message for structured output', () => {
    const schema = {
      type: 'object' as const,
      properties: {},
      required: [],
      additionalProperties: false as const,
    };
    const prepared = toConverseInput(
      request('Classify.', { outputType: { type: 'json_schema', name: 'C', strict: true, schema } }),
      'm',
    );

    const response = fromConverseOutput(converseReply('converse-structured-output'), prepared);

    expect(response.output).toEqual([
      {
        type: 'message',
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text: expect.any(String) }],
      },
    ]);
    const text = (response.output[0] as unknown as { content: [{ text: string }] }).content[0].text;
    expect(JSON.parse(text)).toMatchObject({ instrument_type: 'etf' });
  });
});
