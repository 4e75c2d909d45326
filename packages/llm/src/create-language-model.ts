import { OpenAIChatCompletionsModel } from '@openai/agents-openai';
import OpenAI from 'openai';
import { BedrockModel } from './bedrock/bedrock-model';
import { bedrockEndpoint, type LanguageModel, OFFLINE } from './language-model';
import type { LlmConfig } from './llm-config';

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
