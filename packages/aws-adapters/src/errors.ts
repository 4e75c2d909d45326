/** Base class for errors of the AWS adapters; keeps the cause and names itself. */
export class AwsAdapterError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A job message could not be sent to the queue (the caller should mark the job failed). */
export class JobQueueError extends AwsAdapterError {}

const MAX_DETAIL = 300;

/**
 * A short, single-line description of a thrown value (`Name: message`), without stack traces, for results
 * and log lines; SDK errors keep their service error name (e.g. `TooManyRequestsException`).
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const firstLine = (error.message.split('\n')[0] ?? '').trim();
    const text = firstLine ? `${error.name}: ${firstLine}` : error.name;
    return truncate(text, MAX_DETAIL);
  }
  return typeof error === 'string' ? truncate(error, MAX_DETAIL) : 'unknown error';
}

/** The error's name when it is an Error (e.g. the SDK's service exception name), else `unknown`. */
export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown';
}

/** Cuts text to at most `max` characters, ending with an ellipsis when it was cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}
