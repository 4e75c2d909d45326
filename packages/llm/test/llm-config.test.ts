import { describe, expect, it } from 'vitest';
import { BedrockModel } from '../src/bedrock';
import { createLanguageModel } from '../src/create-language-model';
import { llmConfigFromEnv } from '../src/index';

describe('llmConfigFromEnv', () => {
  it('reads bedrock with the Nova Pro profile and us-east-1 by default', () => {
    expect(llmConfigFromEnv({ LLM_PROVIDER: 'bedrock' })).toEqual({
      provider: 'bedrock',
      modelId: 'us.amazon.nova-pro-v1:0',
      region: 'us-east-1',
      timeoutMs: 120_000,
    });
  });

  it('takes the model, region and timeout from the environment', () => {
    const env = {
      LLM_PROVIDER: 'bedrock',
      BEDROCK_MODEL_ID: 'us.anthropic.claude-3-5-haiku-20241022-v1:0',
      BEDROCK_REGION: 'us-west-2',
      LLM_TIMEOUT_MS: '45000',
    };

    expect(llmConfigFromEnv(env)).toMatchObject({ region: 'us-west-2', timeoutMs: 45_000 });
  });

  it('treats empty values as unset and stays offline', () => {
    expect(llmConfigFromEnv({ LLM_PROVIDER: '', LLM_BASE_URL: '', BEDROCK_REGION: '' })).toEqual({
      provider: 'offline',
    });
  });

  it('names the variable at fault', () => {
    expect(() => llmConfigFromEnv({ LLM_PROVIDER: 'bedrock', LLM_TIMEOUT_MS: '-1' })).toThrow(
      /LLM_TIMEOUT_MS/,
    );
  });
});

describe('createLanguageModel', () => {
  it('returns a Bedrock model under its model id', () => {
    const llm = createLanguageModel({
      provider: 'bedrock',
      modelId: 'us.amazon.nova-pro-v1:0',
      region: 'us-east-1',
      timeoutMs: 60_000,
    });

    expect(llm.id).toBe('us.amazon.nova-pro-v1:0');
    expect(llm.model).toBeInstanceOf(BedrockModel);
  });
});
