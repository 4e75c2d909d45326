/** Base class of this package's errors: keeps the cause and a stable name (bundles minify class names). */
export class LlmError extends Error {
  override name = 'LlmError';
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
