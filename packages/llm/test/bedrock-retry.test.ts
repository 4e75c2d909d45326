import { isTransientError } from '@alex/errors';
import {
  BedrockRuntimeClient,
  ConverseCommand,
  ModelNotReadyException,
} from '@aws-sdk/client-bedrock-runtime';
import { Agent, run } from '@openai/agents-core';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BedrockModel, type BedrockRetryOptions, ModelCallTimeoutError } from '../src/bedrock';
import {
  createUsageMeter,
  isTransientModelError,
  ModelRetriesExhaustedError,
  runModelStep,
} from '../src/index';
import { converseError, converseReply } from './support/converse-fixtures';

const bedrock = mockClient(BedrockRuntimeClient);
const attempts = () => bedrock.commandCalls(ConverseCommand).length;

function model(retry: BedrockRetryOptions = {}, timeoutMs = 10_000) {
  return new BedrockModel({ modelId: 'us.amazon.nova-pro-v1:0', timeoutMs, retry });
}

/** Runs a one-turn agent on the fake clock, advancing timers until the run settles. */
async function runOnFakeClock(bedrockModel: BedrockModel) {
  const outcome = run(new Agent({ name: 'Writer', model: bedrockModel }), 'Summarise.').then(
    (result) => ({ ok: true as const, output: result.finalOutput }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  await vi.runAllTimersAsync();
  return outcome;
}

beforeEach(() => {
  bedrock.reset();
  vi.useFakeTimers();
  // Jitter factor 1: delays are exactly 500, 1000, 2000, 4000 ms.
  vi.spyOn(Math, 'random').mockReturnValue(0);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('Bedrock retries', () => {
  it('retries a burst of three throttles and succeeds on the fourth attempt after 3.5 s of backoff', async () => {
    bedrock
      .on(ConverseCommand)
      .rejectsOnce(converseError('converse-throttling-exception'))
      .rejectsOnce(converseError('converse-throttling-exception'))
      .rejectsOnce(converseError('converse-throttling-exception'))
      .resolvesOnce(converseReply('converse-text-reply'));
    const started = Date.now();

    const outcome = await runOnFakeClock(model());

    expect(outcome).toMatchObject({ ok: true, output: expect.stringMatching(/^Your portfolio/) });
    expect(attempts()).toBe(4);
    expect(Date.now() - started).toBe(500 + 1000 + 2000);
  });

  it('never retries a validation error and passes it through unchanged', async () => {
    bedrock.on(ConverseCommand).rejects(converseError('converse-validation-exception'));

    const outcome = await runOnFakeClock(model());

    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error).toMatchObject({ name: 'ValidationException' });
    expect(attempts()).toBe(1);
  });

  it('stops retrying when the next attempt would not finish before the deadline', async () => {
    bedrock.on(ConverseCommand).rejects(converseError('converse-throttling-exception'));
    const deadline = Date.now() + 17_000;
    // 17 s left, 5 s margin, 10 s per attempt: retries after 0.5 s and 1 s fit, the one after 2 s does not.
    const bedrockModel = model({ remainingTimeMs: () => deadline - Date.now(), safetyMarginMs: 5_000 });

    const outcome = await runOnFakeClock(bedrockModel);

    expect(attempts()).toBe(3);
    expect(!outcome.ok && outcome.error).toBeInstanceOf(ModelRetriesExhaustedError);
    expect(!outcome.ok && outcome.error).toMatchObject({ attempts: 3, reason: 'deadline' });
    expect(deadline - Date.now()).toBe(17_000 - 1_500);
  });

  it('makes no call at all when the deadline has already passed the safety margin', async () => {
    const outcome = await runOnFakeClock(model({ remainingTimeMs: () => 4_000, safetyMarginMs: 5_000 }));

    expect(attempts()).toBe(0);
    expect(!outcome.ok && outcome.error).toMatchObject({ attempts: 0, reason: 'deadline' });
  });

  it('gives up after five attempts, and runModelStep does not retry the exhausted call again', async () => {
    bedrock.on(ConverseCommand).rejects(converseError('converse-throttling-exception'));
    const meter = createUsageMeter();

    const stepDone = runModelStep({
      llm: { id: 'us.amazon.nova-pro-v1:0', model: model() },
      meter,
      step: async (m) =>
        String((await run(new Agent({ name: 'Writer', model: m }), 'Summarise.')).finalOutput),
      fallback: () => 'computed summary',
    });
    await vi.runAllTimersAsync();
    const step = await stepDone;

    expect(attempts()).toBe(5);
    expect(step).toMatchObject({ value: 'computed summary', model: 'offline' });
    expect(step.fallbackReason).toMatch(/after 5 attempt\(s\), out of retries: ThrottlingException/);
  });

  it('times out a hanging attempt and retries it', async () => {
    bedrock
      .on(ConverseCommand)
      // A connection that never answers and ignores the abort signal.
      .callsFakeOnce(() => new Promise(() => {}))
      .resolvesOnce(converseReply('converse-text-reply'));
    const started = Date.now();

    const outcome = await runOnFakeClock(model({}, 2_000));

    expect(outcome.ok).toBe(true);
    expect(attempts()).toBe(2);
    expect(Date.now() - started).toBe(2_000 + 500);
  });
});

describe('isTransientError on Bedrock errors', () => {
  it.each([
    ['ThrottlingException', converseError('converse-throttling-exception'), true],
    ['ModelNotReadyException', new ModelNotReadyException({ message: 'warming', $metadata: {} }), true],
    ['503 without a known name', Object.assign(new Error('x'), { $metadata: { httpStatusCode: 503 } }), true],
    ['ECONNRESET', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), true],
    ['an attempt timeout', new ModelCallTimeoutError('slow'), true],
    ['ValidationException', converseError('converse-validation-exception'), false],
    ['AccessDeniedException', Object.assign(new Error('x'), { name: 'AccessDeniedException' }), false],
    [
      'ResourceNotFoundException',
      Object.assign(new Error('x'), { name: 'ResourceNotFoundException' }),
      false,
    ],
    ['a plain bug', new TypeError('undefined is not a function'), false],
  ])('classifies %s', (_label, error, retryable) => {
    expect(isTransientError(error)).toBe(retryable);
  });

  it('marks an exhausted call as not transient for runModelStep', () => {
    const exhausted = new ModelRetriesExhaustedError(
      5,
      'attempts',
      converseError('converse-throttling-exception'),
    );
    expect(isTransientModelError(exhausted)).toBe(false);
  });
});
