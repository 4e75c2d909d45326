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
  const message =
    error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error';
  // First line only: drivers append the SQL and its parameters (user data) on later lines.
  const line = message.split('\n')[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

const TRANSIENT_NAMES = new Set([
  'TimeoutError',
  'ThrottlingException',
  'TooManyRequestsException',
  'ServiceUnavailableException',
  'InternalServerErrorException',
  'DatabaseResumingException',
  'StatementTimeoutException',
]);
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  '57P01',
  '08006',
  '08001',
]);

/** True when a retry later may succeed: throttling, timeouts, dropped connections, a resuming database. */
export function isTransientError(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 10; depth++) {
    const { code, $metadata } = current as { code?: unknown; $metadata?: { httpStatusCode?: number } };
    if (TRANSIENT_NAMES.has(current.name) || (typeof code === 'string' && TRANSIENT_CODES.has(code)))
      return true;
    if (($metadata?.httpStatusCode ?? 0) >= 500) return true;
    current = current.cause;
  }
  return false;
}
