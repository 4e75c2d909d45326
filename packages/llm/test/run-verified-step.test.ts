import type { Model } from '@openai/agents-core';
import { describe, expect, it } from 'vitest';
import {
  createUsageMeter,
  type LanguageModel,
  ModelTextRejectedError,
  OFFLINE,
  runVerifiedStep,
} from '../src';

// The step never calls the model: what it throws is what is under test.
const llm: LanguageModel = { id: 'test-model', model: {} as Model };

/** Runs a verified step whose model step fails with `errors` in turn (then succeeds), noting each failure. */
async function run(model: LanguageModel, ...errors: Error[]) {
  const failures: string[] = [];
  const result = await runVerifiedStep({
    llm: model,
    meter: createUsageMeter(),
    step: async () => {
      const error = errors.shift();
      if (error) throw error;
      return 'written by the model';
    },
    fallback: () => 'computed figures',
    onFailure: (error, attempt) => failures.push(`${attempt}: ${(error as Error).message}`),
  });
  return { result, failures };
}

describe('runVerifiedStep', () => {
  it('keeps why the text was rejected and names the model in the detail', async () => {
    const rejected = new ModelTextRejectedError('figure $12 is not in the facts');
    const { result, failures } = await run(llm, rejected);
    expect(result).toMatchObject({
      value: 'computed figures',
      model: 'offline',
      rejected: 'figure $12 is not in the facts',
      detail: 'figure $12 is not in the facts (model test-model)',
    });
    expect(failures).toEqual(['1: figure $12 is not in the facts']);
  });

  it('gives the fallback reason as the detail when the model failed without a rejected text', async () => {
    const { result } = await run(llm, new Error('connection refused'));
    expect(result.rejected).toBeNull();
    expect(result.detail).toBe(result.fallbackReason);
    expect(result.detail).toMatch(/^model test-model failed: connection refused/);
  });

  it('has no detail when the model wrote the text', async () => {
    const { result, failures } = await run(llm);
    expect(result).toEqual({
      value: 'written by the model',
      model: 'test-model',
      fallbackReason: null,
      rejected: null,
      detail: null,
    });
    expect(failures).toEqual([]);
  });

  it('says no model is configured offline', async () => {
    const { result } = await run(OFFLINE);
    expect(result).toMatchObject({
      value: 'computed figures',
      rejected: null,
      detail: 'no model configured',
    });
  });
});
