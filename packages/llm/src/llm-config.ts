import type { AgentName } from '@alex/contracts';
import { formatIssues } from '@alex/errors';
import { z } from 'zod';
import { LlmConfigError } from './errors';

/** Which model provider to use and how to reach it. */
export type LlmConfig =
  | { provider: 'offline' }
  | { provider: 'openai-compatible'; baseUrl: string; model: string; apiKey: string; timeoutMs: number }
  | { provider: 'bedrock'; modelId: string; region: string; timeoutMs: number };

/** The variables that override the shared model for one agent, e.g. `PLANNER_LLM_MODEL`. */
export function agentModelVariables(agent: AgentName): { llmModel: string; bedrockModelId: string } {
  const prefix = agent.toUpperCase();
  return { llmModel: `${prefix}_LLM_MODEL`, bedrockModelId: `${prefix}_BEDROCK_MODEL_ID` };
}

// Model names go into request bodies and IAM ARNs: one token, never blank.
const ModelName = z.string().regex(/^\S+$/, 'must be a model name without spaces');

const LlmEnv = z.object({
  LLM_PROVIDER: z.enum(['offline', 'openai-compatible', 'bedrock']).optional(),
  LLM_BASE_URL: z.url().optional(),
  LLM_MODEL: ModelName.optional(),
  LLM_API_KEY: z.string().min(1).optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  // Nova Pro through the US cross-region inference profile (IAM must allow inference-profile/*).
  BEDROCK_MODEL_ID: ModelName.default('us.amazon.nova-pro-v1:0'),
  BEDROCK_REGION: z.string().min(1).default('us-east-1'),
});

/** The agent's own model variables, each optional. */
function agentOverrides(agent: AgentName) {
  const names = agentModelVariables(agent);
  return z.object({ [names.llmModel]: ModelName.optional(), [names.bedrockModelId]: ModelName.optional() });
}

/** The shared settings and the model names that apply to `agent` (its own, else the shared ones). */
function parseEnv(env: Readonly<Record<string, unknown>>, agent: AgentName | undefined) {
  // Empty values (an unfilled .env line) mean "not set".
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const shared = LlmEnv.safeParse(given);
  const own = agent ? agentOverrides(agent).safeParse(given) : null;
  const issues = [...(shared.error?.issues ?? []), ...(own?.error?.issues ?? [])];
  if (!shared.success || (own && !own.success)) {
    throw new LlmConfigError(`Invalid model configuration: ${formatIssues(issues)}`);
  }
  const names = agent ? agentModelVariables(agent) : null;
  const overrides = (own?.data ?? {}) as Record<string, string | undefined>;
  return {
    values: shared.data,
    llmModel: (names && overrides[names.llmModel]) ?? shared.data.LLM_MODEL,
    bedrockModelId: (names && overrides[names.bedrockModelId]) ?? shared.data.BEDROCK_MODEL_ID,
    llmModelNames: names ? `${names.llmModel} or LLM_MODEL` : 'LLM_MODEL',
  };
}

/**
 * Reads the model settings: offline unless LLM_PROVIDER says otherwise (or LLM_BASE_URL is set, which
 * implies an OpenAI-compatible endpoint such as Ollama at http://localhost:11434/v1). LLM_PROVIDER=bedrock
 * uses BEDROCK_MODEL_ID and BEDROCK_REGION; LLM_TIMEOUT_MS bounds one model request for every provider.
 * With an `agent`, its own `<AGENT>_LLM_MODEL` / `<AGENT>_BEDROCK_MODEL_ID` (e.g. `PLANNER_LLM_MODEL`)
 * replaces the shared `LLM_MODEL` / `BEDROCK_MODEL_ID`; the provider, endpoint and key stay shared.
 */
export function llmConfigFromEnv(env: Readonly<Record<string, unknown>>, agent?: AgentName): LlmConfig {
  const { values, llmModel, bedrockModelId, llmModelNames } = parseEnv(env, agent);
  const provider = values.LLM_PROVIDER ?? (values.LLM_BASE_URL ? 'openai-compatible' : 'offline');
  if (provider === 'offline') return { provider };
  if (provider === 'bedrock') {
    return {
      provider,
      modelId: bedrockModelId,
      region: values.BEDROCK_REGION,
      timeoutMs: values.LLM_TIMEOUT_MS,
    };
  }
  if (!values.LLM_BASE_URL || !llmModel) {
    const missing = [...(values.LLM_BASE_URL ? [] : ['LLM_BASE_URL']), ...(llmModel ? [] : [llmModelNames])];
    throw new LlmConfigError(
      `LLM_PROVIDER=openai-compatible needs ${missing.join(' and ')} (see .env.example; Ollama: LLM_BASE_URL=http://localhost:11434/v1)`,
    );
  }
  return {
    provider,
    baseUrl: values.LLM_BASE_URL,
    model: llmModel,
    // Ollama and most local servers ignore the key but the client requires one.
    apiKey: values.LLM_API_KEY ?? 'not-needed',
    timeoutMs: values.LLM_TIMEOUT_MS,
  };
}
