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
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ServiceUnavailableException',
  'ServiceUnavailableError',
  'InternalServerErrorException',
  // Aurora Serverless resuming from a pause, or briefly unreachable, behind the Data API.
  'DatabaseResumingException',
  'DatabaseUnavailableException',
  'StatementTimeoutException',
]);
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  // PostgreSQL: admin shutdown, crash shutdown, starting up, too many connections.
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
// What pg and pg-pool throw, without a code, when the server goes away or cannot be reached in time.
const TRANSIENT_MESSAGES = [
  /^Connection terminated/,
  /^Client has encountered a connection error and is not queryable/,
  /^timeout exceeded when trying to connect/,
  /Communications link failure/,
];

function isTransientOne(error: Error): boolean {
  const { code, $metadata } = error as { code?: unknown; $metadata?: { httpStatusCode?: number } };
  if (TRANSIENT_NAMES.has(error.name)) return true;
  // SQLSTATE class 08: connection exceptions (08000, 08001, 08003, 08004, 08006, 08007, 08P01).
  if (typeof code === 'string' && (TRANSIENT_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  const status = $metadata?.httpStatusCode ?? 0;
  if (status === 429 || status >= 500) return true;
  return TRANSIENT_MESSAGES.some((pattern) => pattern.test(error.message));
}

/**
 * True when a retry later may succeed: throttling, timeouts, dropped or refused connections, a database that
 * is shutting down, starting up or resuming. Follows `cause` chains (drizzle wraps driver errors) and the
 * errors of an AggregateError (Node's connect to several addresses).
 */
export function isTransientError(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 10; depth++) {
    if (isTransientOne(current)) return true;
    if (current instanceof AggregateError && current.errors.some((inner) => isTransientError(inner)))
      return true;
    current = current.cause;
  }
  return false;
}
