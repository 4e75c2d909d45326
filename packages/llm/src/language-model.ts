import type { AgentUsage } from '@alex/contracts';
import type { Model } from '@openai/agents-core';

/**
 * The model an agent writes with: a real one (with the endpoint it is reached at, for error reports), or none
 * ("offline": deterministic template output).
 */
export type LanguageModel = { id: 'offline'; model: null } | { id: string; model: Model; endpoint?: string };

/** Where a model is reached, e.g. `http://localhost:11434/v1` or `bedrock-runtime.us-east-1.amazonaws.com`. */
export function bedrockEndpoint(region: string): string {
  return `bedrock-runtime.${region}.amazonaws.com`;
}

/** The offline model: every agent falls back to output computed from its analytics. */
export const OFFLINE: LanguageModel = { id: 'offline', model: null };

/** Counts model requests and tokens for one agent run, whether or not the run succeeds. */
export interface UsageMeter {
  record(usage: { inputTokens?: number; outputTokens?: number } | undefined): void;
  snapshot(): AgentUsage;
}

/** Creates an empty usage meter. */
export function createUsageMeter(): UsageMeter {
  const totals = { requests: 0, input_tokens: 0, output_tokens: 0 };
  return {
    record(usage) {
      totals.requests += 1;
      totals.input_tokens += usage?.inputTokens ?? 0;
      totals.output_tokens += usage?.outputTokens ?? 0;
    },
    snapshot: () => ({ ...totals }),
  };
}
