import type { AgentUsage } from '@alex/contracts';
import { formatIssues } from '@alex/errors';
import { z } from 'zod';

/** On-demand dollars per million tokens, input and output. */
export const ModelPrice = z.object({
  input: z.number().min(0).max(1000),
  output: z.number().min(0).max(1000),
});
export type ModelPrice = z.infer<typeof ModelPrice>;

/** Prices by a part of the model id (see `modelPrice`). */
export type ModelPriceTable = Readonly<Record<string, ModelPrice>>;

/**
 * The published on-demand prices of the default models and common alternatives, matched against a model id by
 * the longest key it contains (so `us.amazon.nova-pro-v1:0` is Nova Pro and `gpt-4o-mini-2024-07-18` is
 * GPT-4o mini, not GPT-4o). Prices move: check the sources, or override with MODEL_PRICES.
 */
export const DEFAULT_MODEL_PRICES: ModelPriceTable = {
  // Amazon Bedrock on-demand, us-east-1: https://aws.amazon.com/bedrock/pricing/ (Amazon Nova section).
  'nova-micro': { input: 0.035, output: 0.14 },
  'nova-lite': { input: 0.06, output: 0.24 },
  'nova-pro': { input: 0.8, output: 3.2 },
  'nova-premier': { input: 2.5, output: 12.5 },
  // Anthropic on Bedrock, same page (Anthropic section), equal to https://www.anthropic.com/pricing.
  'claude-3-haiku': { input: 0.25, output: 1.25 },
  'claude-3-5-haiku': { input: 0.8, output: 4 },
  'claude-sonnet-4': { input: 3, output: 15 },
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

const PriceOverrides = z.record(z.string().min(1).max(200), ModelPrice);

/**
 * The price table: the defaults, with MODEL_PRICES (JSON, e.g. `{"nova-pro":{"input":0.8,"output":3.2}}`,
 * dollars per million tokens) replacing or adding entries. Throws a clear error on anything else.
 */
export function modelPriceTable(overrides: string | undefined): ModelPriceTable {
  if (overrides === undefined || overrides.trim() === '') return DEFAULT_MODEL_PRICES;
  let json: unknown;
  try {
    json = JSON.parse(overrides);
  } catch {
    throw new Error('MODEL_PRICES must be JSON: {"<part of a model id>": {"input": <$/M>, "output": <$/M>}}');
  }
  const parsed = PriceOverrides.safeParse(json);
  if (!parsed.success) throw new Error(`MODEL_PRICES is not a price table: ${formatIssues(parsed.error)}`);
  return {
    ...DEFAULT_MODEL_PRICES,
    ...Object.fromEntries(Object.entries(parsed.data).map(([k, v]) => [k.toLowerCase(), v])),
  };
}

/** The price of a model id, or null when the table does not know it (a local model, a new release). */
export function modelPrice(
  modelId: string,
  table: ModelPriceTable = DEFAULT_MODEL_PRICES,
): ModelPrice | null {
  const id = modelId.toLowerCase();
  const key = Object.keys(table)
    .filter((candidate) => id.includes(candidate))
    .sort((a, b) => b.length - a.length)[0];
  return key === undefined ? null : (table[key] ?? null);
}

/** Dollars for the tokens a model used: 0 offline, null when the model's price is unknown. */
export function usageCost(
  modelId: string,
  usage: Pick<AgentUsage, 'input_tokens' | 'output_tokens'>,
  table: ModelPriceTable = DEFAULT_MODEL_PRICES,
): number | null {
  if (modelId === 'offline') return 0;
  const price = modelPrice(modelId, table);
  if (!price) return null;
  return (usage.input_tokens * price.input + usage.output_tokens * price.output) / 1_000_000;
}
