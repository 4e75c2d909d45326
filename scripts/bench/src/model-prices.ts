import type { AgentUsage } from '@alex/contracts';

/** On-demand dollars per million tokens, input and output. */
export interface ModelPrice {
  input: number;
  output: number;
}

/**
 * A small price table, matched against a model id by the longest key it contains (so `us.amazon.nova-pro-v1:0`
 * is Nova Pro and `gpt-4o-mini-2024-07-18` is GPT-4o mini, not GPT-4o). Prices move: check the sources.
 */
const MODEL_PRICES: Record<string, ModelPrice> = {
  // Amazon Bedrock on-demand, us-east-1: https://aws.amazon.com/bedrock/pricing/ (Amazon Nova section).
  'nova-micro': { input: 0.035, output: 0.14 },
  'nova-lite': { input: 0.06, output: 0.24 },
  'nova-pro': { input: 0.8, output: 3.2 },
  'nova-premier': { input: 2.5, output: 12.5 },
  // OpenAI standard tier: https://openai.com/api/pricing/ (also platform.openai.com/docs/pricing).
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5': { input: 1.25, output: 10 },
};

/** The price of a model id, or null when the table does not know it (a local model, a new release). */
export function modelPrice(modelId: string): ModelPrice | null {
  const id = modelId.toLowerCase();
  const key = Object.keys(MODEL_PRICES)
    .filter((candidate) => id.includes(candidate))
    .sort((a, b) => b.length - a.length)[0];
  return key === undefined ? null : (MODEL_PRICES[key] ?? null);
}

/** Dollars for the tokens one run used: 0 offline, null when the model's price is unknown. */
export function usageCost(modelId: string, usage: AgentUsage): number | null {
  if (modelId === 'offline') return 0;
  const price = modelPrice(modelId);
  if (!price) return null;
  return (usage.input_tokens * price.input + usage.output_tokens * price.output) / 1_000_000;
}
