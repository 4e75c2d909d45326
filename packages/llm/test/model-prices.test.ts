import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_PRICES, modelPrice, modelPriceTable, usageCost } from '../src/model-prices';

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

describe('modelPriceTable', () => {
  it('adds and replaces prices from MODEL_PRICES, keeping the published defaults', () => {
    const table = modelPriceTable('{"llama3.2":{"input":0,"output":0},"Nova-Pro":{"input":1,"output":4}}');
    expect(usageCost('llama3.2:3b', usage, table)).toBe(0);
    expect(usageCost('us.amazon.nova-pro-v1:0', usage, table)).toBeCloseTo(1 + 2, 10);
    expect(modelPrice('us.amazon.nova-lite-v1:0', table)).toEqual({ input: 0.06, output: 0.24 });
    expect(modelPriceTable(undefined)).toBe(DEFAULT_MODEL_PRICES);
    expect(modelPriceTable('  ')).toBe(DEFAULT_MODEL_PRICES);
  });

  it('refuses what is not a price table, saying what is wrong', () => {
    expect(() => modelPriceTable('nova-pro=1')).toThrow('MODEL_PRICES must be JSON');
    expect(() => modelPriceTable('{"nova-pro":{"input":-1,"output":2}}')).toThrow(
      /MODEL_PRICES is not a price table: .*input/,
    );
    expect(() => modelPriceTable('{"nova-pro":{"input":1}}')).toThrow(/output/);
  });
});
