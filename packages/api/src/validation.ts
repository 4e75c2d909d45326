import type { ValidationIssue } from '@alex/contracts';
import { zValidator } from '@hono/zod-validator';
import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { ApiError, NotFoundError } from './errors';

// JSON media types: application/json and application/<anything>+json.
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** Zod issues in FastAPI's shape: one entry per problem, `loc` from `"body"` down to the field. */
function toValidationIssues(error: z.core.$ZodError, root: string): ValidationIssue[] {
  return error.issues.flatMap((issue) => {
    const loc = [root, ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        loc: [...loc, key],
        msg: 'Extra inputs are not permitted',
        type: 'extra_forbidden',
      }));
    }
    return [{ loc, msg: issue.message, type: issue.code }];
  });
}

/** Refuses a request whose body is not declared as JSON (hono would otherwise validate it as `{}`). */
const requireJson: MiddlewareHandler = async (c, next) => {
  const mediaType = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim() ?? '';
  if (!JSON_MEDIA_TYPE.test(mediaType))
    throw new ApiError(415, 'the request body must be JSON (Content-Type: application/json)');
  await next();
};

/** Validates the JSON body with a contracts schema: 422 with FastAPI-style issues when it does not match. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  const validate = zValidator('json', schema, (result, c) => {
    if (!result.success) return c.json({ detail: toValidationIssues(result.error, 'body') }, 422);
    return undefined;
  });
  return [requireJson, validate] as const;
}

/**
 * What a repository answered for the caller (a row, or `true` for a row removed) when it found their row;
 * nothing (`null`, `undefined`, `false`) is a 404 naming `what`, whether the row is missing or another user's.
 */
export function found<T>(answer: T | null | undefined | false, what: string): T {
  if (!answer) throw new NotFoundError(what);
  return answer;
}

/** The path id when it is a uuid; anything else can name no row, so it is a 404 like an unknown id. */
export function rowId(id: string, what: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    throw new NotFoundError(what);
  return id;
}
