import { OpenAIChatCompletionsModel } from '@openai/agents-openai';
import OpenAI from 'openai';
import { type LanguageModel, OFFLINE } from './language-model';
import type { LlmConfig } from './llm-config';

/** Builds the configured model; offline needs nothing. */
export function createLanguageModel(config: LlmConfig): LanguageModel {
  if (config.provider === 'offline') return OFFLINE;
  const client = new OpenAI({
    baseURL: config.baseUrl,
    apiKey: config.apiKey,
    timeout: config.timeoutMs,
    // Retries are ours (runModelStep), bounded and logged.
    maxRetries: 0,
  });
  return { id: config.model, model: new OpenAIChatCompletionsModel(client as never, config.model) };
}
