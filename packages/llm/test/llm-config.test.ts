import { describe, expect, it } from 'vitest';
import { BedrockModel } from '../src/bedrock';
import { createAgentLanguageModels, createLanguageModel } from '../src/create-language-model';
import { agentModelVariables, llmConfigFromEnv, OFFLINE } from '../src/index';

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

    expect(llmConfigFromEnv(env)).toEqual({
      provider: 'bedrock',
      modelId: 'us.anthropic.claude-3-5-haiku-20241022-v1:0',
      region: 'us-west-2',
      timeoutMs: 45_000,
    });
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

describe('llmConfigFromEnv with an agent', () => {
  const OLLAMA = { LLM_BASE_URL: 'http://localhost:11434/v1', LLM_MODEL: 'llama3.1:8b' };

  it('names the agent’s own variables after it', () => {
    expect(agentModelVariables('retirement')).toEqual({
      llmModel: 'RETIREMENT_LLM_MODEL',
      bedrockModelId: 'RETIREMENT_BEDROCK_MODEL_ID',
    });
  });

  it('gives the agent its own OpenAI-compatible model and the others the shared one', () => {
    const env = { ...OLLAMA, PLANNER_LLM_MODEL: 'llama3.2:1b' };

    expect(llmConfigFromEnv(env, 'planner')).toMatchObject({
      provider: 'openai-compatible',
      baseUrl: 'http://localhost:11434/v1',
      model: 'llama3.2:1b',
    });
    expect(llmConfigFromEnv(env, 'tagger')).toMatchObject({ model: 'llama3.1:8b' });
    expect(llmConfigFromEnv(env)).toMatchObject({ model: 'llama3.1:8b' });
  });

  it('gives the agent its own Bedrock model id and the others the shared one', () => {
    const env = {
      LLM_PROVIDER: 'bedrock',
      BEDROCK_MODEL_ID: 'us.amazon.nova-lite-v1:0',
      REPORTER_BEDROCK_MODEL_ID: 'us.amazon.nova-pro-v1:0',
      // The other provider's override changes nothing here.
      CHARTER_LLM_MODEL: 'llama3.2:1b',
    };

    expect(llmConfigFromEnv(env, 'reporter')).toMatchObject({ modelId: 'us.amazon.nova-pro-v1:0' });
    expect(llmConfigFromEnv(env, 'charter')).toMatchObject({ modelId: 'us.amazon.nova-lite-v1:0' });
    expect(llmConfigFromEnv({ LLM_PROVIDER: 'bedrock' }, 'planner')).toMatchObject({
      modelId: 'us.amazon.nova-pro-v1:0',
    });
  });

  it('treats an empty override as unset', () => {
    const env = { ...OLLAMA, PLANNER_LLM_MODEL: '', PLANNER_BEDROCK_MODEL_ID: '' };

    expect(llmConfigFromEnv(env, 'planner')).toMatchObject({ model: 'llama3.1:8b' });
    expect(llmConfigFromEnv({ ...env, LLM_PROVIDER: 'bedrock' }, 'planner')).toMatchObject({
      modelId: 'us.amazon.nova-pro-v1:0',
    });
  });

  it('runs an agent on its own model when no shared model is set, and names both variables for the others', () => {
    const env = { LLM_BASE_URL: 'http://localhost:11434/v1', TAGGER_LLM_MODEL: 'llama3.1:8b' };

    expect(llmConfigFromEnv(env, 'tagger')).toMatchObject({ model: 'llama3.1:8b' });
    expect(() => llmConfigFromEnv(env, 'charter')).toThrow(
      /^LLM_PROVIDER=openai-compatible needs CHARTER_LLM_MODEL or LLM_MODEL \(see \.env\.example/,
    );
    expect(() => llmConfigFromEnv(env)).toThrow(/needs LLM_MODEL \(see/);
  });

  it('names an invalid override together with any invalid shared variable', () => {
    const env = { ...OLLAMA, PLANNER_LLM_MODEL: 'llama 3.2', LLM_TIMEOUT_MS: 'soon' };

    expect(() => llmConfigFromEnv(env, 'planner')).toThrow(
      /^Invalid model configuration: LLM_TIMEOUT_MS: .+; PLANNER_LLM_MODEL: must be a model name without spaces$/,
    );
  });

  it('checks only the asking agent’s overrides', () => {
    const env = { ...OLLAMA, RETIREMENT_BEDROCK_MODEL_ID: 'nova pro' };

    expect(llmConfigFromEnv(env, 'tagger')).toMatchObject({ model: 'llama3.1:8b' });
    expect(() => llmConfigFromEnv(env, 'retirement')).toThrow(/RETIREMENT_BEDROCK_MODEL_ID: must be/);
  });

  it('stays offline whatever the overrides say when no provider is configured', () => {
    expect(llmConfigFromEnv({ PLANNER_LLM_MODEL: 'llama3.2:1b' }, 'planner')).toEqual({
      provider: 'offline',
    });
  });
});

describe('createAgentLanguageModels', () => {
  it('builds each agent’s model, sharing one instance between agents configured alike', () => {
    const models = createAgentLanguageModels({
      LLM_BASE_URL: 'http://127.0.0.1:9/v1',
      LLM_MODEL: 'llama3.1:8b',
      PLANNER_LLM_MODEL: 'llama3.2:1b',
    });

    expect(Object.fromEntries(Object.entries(models).map(([agent, llm]) => [agent, llm.id]))).toEqual({
      planner: 'llama3.2:1b',
      tagger: 'llama3.1:8b',
      reporter: 'llama3.1:8b',
      charter: 'llama3.1:8b',
      retirement: 'llama3.1:8b',
    });
    expect(models.tagger).toBe(models.reporter);
    expect(models.planner.model).not.toBe(models.tagger.model);
  });

  it('is offline for every agent when nothing is configured', () => {
    expect(Object.values(createAgentLanguageModels({}))).toEqual(Array(5).fill(OFFLINE));
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
