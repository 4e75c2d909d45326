/** Base class for errors of the local queue package; keeps the cause and names itself. */
export class LocalQueueError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Options passed to a local queue function are invalid; the message names each offending option. */
export class LocalQueueConfigError extends LocalQueueError {}

/** The message of an unknown thrown value, without stack traces. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'unknown error';
}
