import { AlexError } from '@alex/errors';

/** Base class of this package's errors. */
export class LlmError extends AlexError {
  override name = 'LlmError';
}

/** Thrown when the model configuration is incomplete; names every variable at fault. */
export class LlmConfigError extends LlmError {
  override name = 'LlmConfigError';
}

/** A model attempt that produced no answer within its time budget; transient, so the retry layer may retry it. */
export class ModelCallTimeoutError extends LlmError {
  override name = 'ModelCallTimeoutError';
}

/**
 * A model call that kept failing transiently until its retries or the caller's deadline ran out. The retry
 * budget is spent, so no outer layer (runModelStep, SQS) should retry it immediately.
 */
export class ModelRetriesExhaustedError extends LlmError {
  override name = 'ModelRetriesExhaustedError';
  /** Attempts made, including the first. */
  readonly attempts: number;
  /** Why retrying stopped: the attempt budget, or too little time left before the deadline. */
  readonly reason: 'attempts' | 'deadline';

  constructor(attempts: number, reason: 'attempts' | 'deadline', cause: unknown) {
    const detail = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    const why = reason === 'deadline' ? 'stopped before the deadline' : 'out of retries';
    super(`model call failed after ${attempts} attempt(s), ${why}: ${detail}`, { cause });
    this.attempts = attempts;
    this.reason = reason;
  }
}
