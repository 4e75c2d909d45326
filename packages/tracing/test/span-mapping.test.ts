import { describe, expect, it } from 'vitest';
import { mapSpanData, toUsageDetails } from '../src/span-mapping';

describe('mapSpanData', () => {
  it('maps a generation span to a Langfuse generation with model, parameters and usage', () => {
    const mapping = mapSpanData({
      type: 'generation',
      model: 'us.amazon.nova-pro-v1:0',
      model_config: { temperature: 0.2, toolChoice: 'auto', stop: ['END'] },
      input: [{ role: 'user', content: 'hi' }],
      output: [{ role: 'assistant', content: 'hello' }],
      usage: { input_tokens: 9, output_tokens: 4, details: { cached_input_tokens: 3 } },
    });

    expect(mapping).toEqual({
      name: 'us.amazon.nova-pro-v1:0',
      type: 'generation',
      attributes: {
        input: [{ role: 'user', content: 'hi' }],
        output: [{ role: 'assistant', content: 'hello' }],
        model: 'us.amazon.nova-pro-v1:0',
        modelParameters: { temperature: 0.2, toolChoice: 'auto', stop: '["END"]' },
        usageDetails: { input: 9, output: 4, total: 13, cached_input_tokens: 3 },
      },
    });
  });

  it('maps a Responses API span to a generation from the stored response', () => {
    const mapping = mapSpanData({
      type: 'response',
      response_id: 'resp_1',
      _input: 'hi',
      _response: {
        model: 'gpt-5-mini',
        output: [{ type: 'message' }],
        usage: { input_tokens: 5, output_tokens: 2 },
      },
    });

    expect(mapping).toEqual({
      name: 'gpt-5-mini',
      type: 'generation',
      attributes: {
        input: 'hi',
        output: [{ type: 'message' }],
        model: 'gpt-5-mini',
        usageDetails: { input: 5, output: 2, total: 7 },
        metadata: { responseId: 'resp_1' },
      },
    });
  });
});

describe('toUsageDetails', () => {
  it('returns nothing when no token counts are present', () => {
    expect(toUsageDetails({ requests: 1 })).toBeUndefined();
  });
});
