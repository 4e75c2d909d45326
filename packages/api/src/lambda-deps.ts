import { sqsJobQueue } from '@alex/aws-adapters';
import { createRepositories } from '@alex/database';
import { openLambdaDatabase } from '@alex/database/data-api';
import { errorMessage } from '@alex/errors';
import { type Logger, retryingRepositories } from '@alex/runtime';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { ApiDeps } from './app-env';
import type { ApiEnv } from './config';
import { createJwksVerifier } from './token-verifier';

// Refusals that come before a statement runs (Aurora resuming from a pause, throttling): retrying them cannot
// apply a write twice, unlike a lost connection or a timeout, after which a non-idempotent insert (a new
// account) may already have committed.
const REFUSED_BEFORE_RUNNING = new Set([
  'DatabaseResumingException',
  'DatabaseUnavailableException',
  'ThrottlingException',
  'TooManyRequestsException',
]);

/** True when the error, or one in its cause chain, is a refusal that came before the statement ran. */
export function refusedBeforeRunning(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 10; depth++) {
    if (REFUSED_BEFORE_RUNNING.has(current.name)) return true;
    current = current.cause;
  }
  return false;
}

/** The API Lambda's ports: Data API repositories, the SQS jobs queue, Clerk's JWKS and the logger given. */
export async function lambdaDeps(env: ApiEnv, logger: Logger): Promise<ApiDeps> {
  const database = await openLambdaDatabase(env);
  // Within API Gateway's 30 s: a resuming Aurora takes seconds to accept statements.
  const repos = retryingRepositories(createRepositories(database.db), {
    maxRetryTimeMs: 20_000,
    marginMs: 0,
    isTransient: refusedBeforeRunning,
    onRetry: ({ attempt, delayMs, error }) =>
      logger.warn('database call refused; retrying', { attempt, delayMs, error: errorMessage(error) }),
  });
  return {
    repos,
    queue: sqsJobQueue(new SQSClient({}), env.JOBS_QUEUE_URL),
    verifyToken: createJwksVerifier({
      jwksUrl: env.CLERK_JWKS_URL,
      issuer: env.CLERK_ISSUER,
      ...(env.CLERK_AUDIENCE ? { audience: env.CLERK_AUDIENCE } : {}),
      ...(env.CLERK_AUTHORIZED_PARTIES ? { authorizedParties: env.CLERK_AUTHORIZED_PARTIES } : {}),
    }),
    corsOrigins: env.CORS_ORIGINS,
    logger,
  };
}
