import { errorCode } from '@alex/errors';
import type { Logger } from '@alex/runtime';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './app-env';
import { UnauthorizedError } from './errors';
import type { TokenVerifier } from './token-verifier';

const BEARER = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/;

// jose names each failure with a code (ERR_JWT_EXPIRED, ERR_JWS_SIGNATURE_VERIFICATION_FAILED, ...): log that,
// never the token or its claims.
function failureCode(error: unknown): string {
  return errorCode(error) ?? (error instanceof Error ? error.name : 'unknown');
}

/** Sets the caller's `userId` (the token's `sub`) from a verified bearer token; 401 without one. */
export function authenticate(verifyToken: TokenVerifier, logger: Logger) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const match = BEARER.exec(c.req.header('Authorization') ?? '');
    if (!match?.[1]) throw new UnauthorizedError();
    let token: Awaited<ReturnType<TokenVerifier>>;
    try {
      token = await verifyToken(match[1]);
    } catch (error) {
      logger.info('token refused', {
        requestId: c.get('requestId'),
        reason: failureCode(error),
        path: c.req.path,
      });
      throw new UnauthorizedError('Not authenticated: the token is invalid or expired');
    }
    c.set('userId', token.sub);
    c.set('token', token);
    await next();
  });
}
