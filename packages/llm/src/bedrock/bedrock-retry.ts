import { isTransientError } from '@alex/errors';
import pRetry from 'p-retry';
import { LlmError, ModelRetriesExhaustedError } from '../errors';

/** How Bedrock calls are retried; every field has a default in DEFAULT_BEDROCK_RETRY. */
export interface BedrockRetryOptions {
  /** Retries after the first attempt. */
  retries?: number;
  /** Base delay before the first retry; p-retry multiplies each delay by a random factor in [1, 2). */
  minDelayMs?: number;
  /** Growth of the base delay per retry. */
  factor?: number;
  /** Upper bound of one delay. */
  maxDelayMs?: number;
  /** Time kept free before the deadline for the caller's own work (storing results, logging). */
  safetyMarginMs?: number;
  /** Time left before the caller must be done, e.g. Lambda's `context.getRemainingTimeInMillis`. */
  remainingTimeMs?: () => number;
}

/** Default policy: 5 attempts; delays in [0.5, 1), [1, 2), [2, 4), [4, 8) s; 5 s kept free before the deadline. */
export const DEFAULT_BEDROCK_RETRY = {
  retries: 4,
  minDelayMs: 500,
  factor: 2,
  maxDelayMs: 8_000,
  safetyMarginMs: 5_000,
  remainingTimeMs: () => Number.POSITIVE_INFINITY,
} satisfies Required<BedrockRetryOptions>;

/** What one attempt is given: its number (from 1) and how long it may take. */
export interface AttemptBudget {
  attempt: number;
  timeoutMs: number;
}

/**
 * Runs `call` with jittered exponential backoff for retryable Bedrock errors, never for validation or
 * permission errors, and never past the deadline: a retry is made only when, after its delay, a full
 * attempt (`timeoutMs`) plus the safety margin still fits in `remainingTimeMs()`; each attempt's timeout
 * is also cut to the time left. A retryable failure that survives is wrapped in ModelRetriesExhaustedError
 * so outer layers do not retry it again; other errors and caller aborts pass through unchanged.
 */
export async function withBedrockRetry<T>(
  call: (budget: AttemptBudget) => Promise<T>,
  options: { timeoutMs: number; retry?: BedrockRetryOptions; signal?: AbortSignal },
): Promise<T> {
  const policy = { ...DEFAULT_BEDROCK_RETRY, ...options.retry };
  const available = () => policy.remainingTimeMs() - policy.safetyMarginMs;
  if (available() <= 0) {
    throw new ModelRetriesExhaustedError(0, 'deadline', new LlmError('no time left for a model call'));
  }
  let attempts = 0;
  let stoppedByDeadline = false;
  try {
    return await pRetry(
      (attempt) => {
        attempts = attempt;
        // Never let an attempt run into the margin; 1 ms floor keeps the timeout valid if time ran out.
        return call({ attempt, timeoutMs: Math.max(1, Math.min(options.timeoutMs, available())) });
      },
      {
        retries: policy.retries,
        minTimeout: policy.minDelayMs,
        factor: policy.factor,
        maxTimeout: policy.maxDelayMs,
        randomize: true,
        ...(options.signal ? { signal: options.signal } : {}),
        shouldRetry: ({ error, retryDelay }) => {
          if (!isTransientError(error)) return false;
          if (available() - retryDelay < options.timeoutMs) {
            stoppedByDeadline = true;
            return false;
          }
          return true;
        },
      },
    );
  } catch (error) {
    if (options.signal?.aborted || !isTransientError(error)) throw error;
    throw new ModelRetriesExhaustedError(attempts, stoppedByDeadline ? 'deadline' : 'attempts', error);
  }
}
