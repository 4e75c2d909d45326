import type { Clock } from '@alex/runtime';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './app-env';

/** A per-user token bucket: `perSecond` requests a second on average, bursts of up to `burst`. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

/** The limit when `ApiDeps.rateLimit` is not given: far above what the frontend sends, far below a flood. */
export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 20, burst: 40 };

// Buckets kept before idle ones are dropped: bounds a warm container's memory under many distinct users.
const MAX_BUCKETS = 10_000;

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Answers 429 with `Retry-After` to a caller (the token's `sub`) over its limit. In memory, so per process
 * (per Lambda container): a backstop behind API Gateway's throttling, not a global quota.
 */
export function rateLimit(limit: RateLimit, clock: Clock) {
  const buckets = new Map<string, Bucket>();
  const fullAfterMs = (limit.burst / limit.perSecond) * 1000;
  const prune = (now: number) => {
    // A bucket idle long enough to be full again is the same as no bucket.
    for (const [key, bucket] of buckets) if (now - bucket.at >= fullAfterMs) buckets.delete(key);
  };
  return createMiddleware<AppEnv>(async (c, next) => {
    const key = c.get('userId');
    const now = clock.now().getTime();
    const bucket = buckets.get(key) ?? { tokens: limit.burst, at: now };
    const elapsed = Math.max(0, now - bucket.at) / 1000;
    bucket.tokens = Math.min(limit.burst, bucket.tokens + elapsed * limit.perSecond);
    bucket.at = now;
    if (!buckets.has(key) && buckets.size >= MAX_BUCKETS) prune(now);
    buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond));
      c.header('Retry-After', String(retryAfter));
      return c.json({ detail: 'Too many requests: please slow down and try again shortly' }, 429);
    }
    bucket.tokens -= 1;
    return next();
  });
}
