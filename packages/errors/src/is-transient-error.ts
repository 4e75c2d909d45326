// Service error names a later retry may fix: throttling, unavailability, timeouts; Aurora Serverless resuming
// from a pause or briefly unreachable behind the Data API; Bedrock's model-side throttles and timeouts.
const TRANSIENT_NAMES = new Set([
  'TimeoutError',
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestTimeout',
  'RequestTimeoutException',
  'ServiceUnavailableException',
  'ServiceUnavailableError',
  'InternalServerException',
  'InternalServerErrorException',
  'ModelNotReadyException',
  'ModelTimeoutException',
  'DatabaseResumingException',
  'DatabaseUnavailableException',
  'StatementTimeoutException',
  // The OpenAI client's network failures; our own model attempt that ran out of time.
  'APIConnectionError',
  'APIConnectionTimeoutError',
  'ModelCallTimeoutError',
]);
// Names no retry fixes, even when the service also marks them with a 5xx or `$retryable`.
const PERMANENT_NAMES = new Set([
  'ValidationException',
  'AccessDeniedException',
  'ResourceNotFoundException',
  'ServiceQuotaExceededException',
  'ModelErrorException',
  'UnrecognizedClientException',
  'ExpiredTokenException',
  // A retry budget already spent by an inner layer: retrying again would multiply the layers.
  'ModelRetriesExhaustedError',
]);
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
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
// HTTP statuses of fetch-style clients (OpenAI's `status`) that its own retry policy treats as retryable.
const TRANSIENT_STATUS = new Set([408, 409, 429]);
// What pg and pg-pool throw, without a code, when the server goes away or cannot be reached in time.
const TRANSIENT_MESSAGES = [
  /^Connection terminated/,
  /^Client has encountered a connection error and is not queryable/,
  /^timeout exceeded when trying to connect/,
  /Communications link failure/,
];

interface ErrorShape {
  code?: unknown;
  status?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/** `true` or `false` when this error alone decides; `undefined` to look at its cause. */
function classifyOne(error: Error): boolean | undefined {
  if (PERMANENT_NAMES.has(error.name)) return false;
  if (TRANSIENT_NAMES.has(error.name)) return true;
  const { code, status, $retryable, $metadata } = error as ErrorShape;
  // SQLSTATE class 08: connection exceptions (08000, 08001, 08003, 08004, 08006, 08007, 08P01).
  if (typeof code === 'string' && (TRANSIENT_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  if ($retryable !== undefined) return true;
  const awsStatus = $metadata?.httpStatusCode;
  if (typeof awsStatus === 'number' && (awsStatus === 429 || awsStatus >= 500)) return true;
  if (typeof status === 'number' && (TRANSIENT_STATUS.has(status) || status >= 500)) return true;
  if (TRANSIENT_MESSAGES.some((pattern) => pattern.test(error.message))) return true;
  return undefined;
}

/**
 * True when a retry later may succeed: throttling, timeouts, 429/5xx, dropped or refused connections, a
 * database that is shutting down, starting up or resuming. The one classifier of the database, model and
 * invoker paths. Follows `cause` chains (drizzle wraps driver errors) and the errors of an AggregateError
 * (Node's connect to several addresses); a name known to be permanent stops the search.
 */
export function isTransientError(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 10; depth++) {
    const verdict = classifyOne(current);
    if (verdict !== undefined) return verdict;
    if (current instanceof AggregateError && current.errors.some((inner) => isTransientError(inner)))
      return true;
    current = current.cause;
  }
  return false;
}
