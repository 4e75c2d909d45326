import { AlexError } from '@alex/errors';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Base class of the errors a route throws to answer with a status and `{"detail": message}`. */
export class ApiError extends AlexError {
  override name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The row does not exist, or belongs to another user (never 403: existence is not leaked). */
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
  constructor(what: string) {
    super(404, `${what} not found`);
  }
}

/** The request carries no valid token. */
export class UnauthorizedError extends ApiError {
  override name = 'UnauthorizedError';
  constructor(message = 'Not authenticated: a valid bearer token is required') {
    super(401, message);
  }
}

/** A dependency (the jobs queue) is unavailable; the caller may try again later. */
export class ServiceUnavailableError extends ApiError {
  override name = 'ServiceUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(503, message, options);
  }
}
