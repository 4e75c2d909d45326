import type { JobQueue } from '@alex/aws-adapters';
import type { Repositories } from '@alex/database';
import type { Clock, Logger } from '@alex/runtime';
import type { RateLimit } from './rate-limit';
import type { TokenVerifier, VerifiedToken } from './token-verifier';

/** The ports the HTTP API is built from: AWS adapters in Lambda, local ones under `alex serve`, fakes in tests. */
export interface ApiDeps {
  repos: Repositories;
  queue: JobQueue;
  verifyToken: TokenVerifier;
  /** Browser origins allowed to call the API (CORS). */
  corsOrigins: string[];
  logger: Logger;
  clock?: Clock;
  /** Requests per user (the token's `sub`) in this process; `DEFAULT_RATE_LIMIT` when absent, `false` for none. */
  rateLimit?: RateLimit | false;
}

/** Hono's environment of every route: the authenticated caller, set by the auth middleware. */
export interface AppEnv {
  Variables: {
    /** The caller's id: the token's `sub` (`users.clerk_user_id`). */
    userId: string;
    token: VerifiedToken;
    /** This request's id (`X-Request-Id`), in every log line about it. */
    requestId: string;
  };
}
