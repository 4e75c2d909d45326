/** Base class for errors of the runtime package; keeps the cause and names itself. */
export class AlexError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Configuration is missing or invalid; the message names every variable and where it comes from. */
export class ConfigError extends AlexError {}

/** An event did not match its schema. */
export class InvalidEventError extends AlexError {}

/** The message of an unknown thrown value, without stack traces. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'unknown error';
}
