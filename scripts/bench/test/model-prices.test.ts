import { describe, expect, it } from 'vitest';
import { modelPrice, usageCost } from '../src/model-prices';

const usage = { requests: 2, input_tokens: 1_000_000, output_tokens: 500_000 };

describe('model prices', () => {
  it('finds a model by the longest key its id contains', () => {
    expect(modelPrice('us.amazon.nova-pro-v1:0')).toEqual({ input: 0.8, output: 3.2 });
    expect(modelPrice('gpt-4o-mini-2024-07-18')).toEqual({ input: 0.15, output: 0.6 });
    expect(modelPrice('gpt-4o')).toEqual({ input: 2.5, output: 10 });
    expect(modelPrice('llama3.2:3b')).toBeNull();
  });

  it('costs tokens at the table price, nothing offline, and nothing it cannot price', () => {
    expect(usageCost('amazon.nova-lite-v1:0', usage)).toBeCloseTo(0.06 + 0.12, 10);
    expect(usageCost('offline', usage)).toBe(0);
    expect(usageCost('llama3.2:3b', usage)).toBeNull();
  });
});
