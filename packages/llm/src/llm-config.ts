import { formatIssues } from '@alex/errors';
import { z } from 'zod';
import { LlmConfigError } from './errors';

/** Which model provider to use and how to reach it. */
export type LlmConfig =
  | { provider: 'offline' }
  | { provider: 'openai-compatible'; baseUrl: string; model: string; apiKey: string; timeoutMs: number }
  | { provider: 'bedrock'; modelId: string; region: string; timeoutMs: number };

const LlmEnv = z.object({
  LLM_PROVIDER: z.enum(['offline', 'openai-compatible', 'bedrock']).optional(),
  LLM_BASE_URL: z.url().optional(),
  LLM_MODEL: z.string().min(1).optional(),
  LLM_API_KEY: z.string().min(1).optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  // Nova Pro through the US cross-region inference profile (IAM must allow inference-profile/*).
  BEDROCK_MODEL_ID: z.string().min(1).default('us.amazon.nova-pro-v1:0'),
  BEDROCK_REGION: z.string().min(1).default('us-east-1'),
});

/**
 * Reads the model settings: offline unless LLM_PROVIDER says otherwise (or LLM_BASE_URL is set, which
 * implies an OpenAI-compatible endpoint such as Ollama at http://localhost:11434/v1). LLM_PROVIDER=bedrock
 * uses BEDROCK_MODEL_ID and BEDROCK_REGION; LLM_TIMEOUT_MS bounds one model request for every provider.
 */
export function llmConfigFromEnv(env: Record<string, string | undefined>): LlmConfig {
  // Empty values (an unfilled .env line) mean "not set".
  const parsed = LlmEnv.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')),
  );
  if (!parsed.success) {
    throw new LlmConfigError(`Invalid model configuration: ${formatIssues(parsed.error)}`);
  }
  const values = parsed.data;
  const provider = values.LLM_PROVIDER ?? (values.LLM_BASE_URL ? 'openai-compatible' : 'offline');
  if (provider === 'offline') return { provider };
  if (provider === 'bedrock') {
    return {
      provider,
      modelId: values.BEDROCK_MODEL_ID,
      region: values.BEDROCK_REGION,
      timeoutMs: values.LLM_TIMEOUT_MS,
    };
  }
  const missing = (['LLM_BASE_URL', 'LLM_MODEL'] as const).filter((name) => !values[name]);
  if (missing.length > 0) {
    throw new LlmConfigError(
      `LLM_PROVIDER=openai-compatible needs ${missing.join(' and ')} (see .env.example; Ollama: LLM_BASE_URL=http://localhost:11434/v1)`,
    );
  }
  return {
    provider,
    baseUrl: values.LLM_BASE_URL as string,
    model: values.LLM_MODEL as string,
    // Ollama and most local servers ignore the key but the client requires one.
    apiKey: values.LLM_API_KEY ?? 'not-needed',
    timeoutMs: values.LLM_TIMEOUT_MS,
  };
}
