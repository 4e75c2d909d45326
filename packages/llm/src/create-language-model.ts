import { AgentName } from '@alex/contracts';
import { OpenAIChatCompletionsModel } from '@openai/agents-openai';
import OpenAI from 'openai';
import { BedrockModel } from './bedrock/bedrock-model';
import { bedrockEndpoint, type LanguageModel, OFFLINE } from './language-model';
import { type LlmConfig, llmConfigFromEnv } from './llm-config';

/** What the runtime adds to the configuration when building a model. */
export interface LanguageModelOptions {
  /**
   * Time left before the caller must be done (a Lambda handler passes a function reading the current
   * invocation's `context.getRemainingTimeInMillis()`); Bedrock retries stop before it. Default: no deadline.
   */
  remainingTimeMs?: () => number;
}

/**
 * Builds the configured model; offline needs nothing. This module imports every provider; a bundle that
 * only needs Bedrock imports `@alex/llm/bedrock` instead and leaves the `openai` package out.
 */
export function createLanguageModel(config: LlmConfig, options: LanguageModelOptions = {}): LanguageModel {
  if (config.provider === 'offline') return OFFLINE;
  if (config.provider === 'bedrock') {
    const model = new BedrockModel({
      modelId: config.modelId,
      region: config.region,
      timeoutMs: config.timeoutMs,
      ...(options.remainingTimeMs ? { retry: { remainingTimeMs: options.remainingTimeMs } } : {}),
    });
    return { id: config.modelId, model, endpoint: bedrockEndpoint(config.region) };
  }
  const client = new OpenAI({
    baseURL: config.baseUrl,
    apiKey: config.apiKey,
    timeout: config.timeoutMs,
    // Retries are ours (runModelStep), bounded and logged.
    maxRetries: 0,
  });
  return {
    id: config.model,
    model: new OpenAIChatCompletionsModel(client as never, config.model),
    endpoint: config.baseUrl,
  };
}

/**
 * One model per agent from the environment: each agent's `<AGENT>_LLM_MODEL` / `<AGENT>_BEDROCK_MODEL_ID`, or
 * the shared model (see {@link llmConfigFromEnv}). Agents configured alike share one model instance.
 */
export function createAgentLanguageModels(
  env: Record<string, string | undefined>,
  options: LanguageModelOptions = {},
): Record<AgentName, LanguageModel> {
  const built = new Map<string, LanguageModel>();
  const modelFor = (agent: AgentName) => {
    const config = llmConfigFromEnv(env, agent);
    const key = JSON.stringify(config);
    const model = built.get(key) ?? createLanguageModel(config, options);
    built.set(key, model);
    return model;
  };
  return Object.fromEntries(AgentName.options.map((agent) => [agent, modelFor(agent)])) as Record<
    AgentName,
    LanguageModel
  >;
}
