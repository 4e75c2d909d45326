import { isTransientError } from '@alex/errors';
import pRetry from 'p-retry';

/** How long and how often a call is retried on transient errors. */
export interface TransientRetryOptions {
  /** The caller's time left (a Lambda's `getRemainingTimeInMillis`); retries end `marginMs` before it. */
  remainingTimeMs?: () => number;
  /** Time kept back for the caller to record what happened after the last attempt (default 10 s). */
  marginMs?: number;
  /** An upper bound on retrying one call, whatever the time left (default 60 s). */
  maxRetryTimeMs?: number;
  /** First delay (default 200 ms), doubling with jitter up to `maxDelayMs` (default 5 s). */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Which errors are worth retrying (default {@link isTransientError}). */
  isTransient?: (error: unknown) => boolean;
  /** Called before each retry, e.g. to log it. */
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

const DEFAULTS = { marginMs: 10_000, maxRetryTimeMs: 60_000, minDelayMs: 200, maxDelayMs: 5_000 };

/**
 * Runs `call`, retrying it with jittered exponential backoff while it fails with a transient error and the
 * retry budget (the smaller of `maxRetryTimeMs` and the caller's remaining time minus the margin) lasts;
 * otherwise the last error is thrown as it was.
 */
export async function retryTransient<T>(
  call: () => Promise<T>,
  options: TransientRetryOptions = {},
): Promise<T> {
  const settings = { ...DEFAULTS, ...options };
  const remaining = settings.remainingTimeMs?.() ?? Number.POSITIVE_INFINITY;
  const budgetMs = Math.min(settings.maxRetryTimeMs, remaining - settings.marginMs);
  const isTransient = settings.isTransient ?? isTransientError;
  const started = performance.now();
  return pRetry(call, {
    retries: budgetMs > 0 ? 1000 : 0,
    factor: 2,
    minTimeout: settings.minDelayMs,
    maxTimeout: settings.maxDelayMs,
    randomize: true,
    maxRetryTime: Math.max(0, budgetMs),
    // A retry that would start after the budget is spent is not made.
    shouldRetry: ({ error, attemptNumber, retryDelay }) => {
      const retry = isTransient(error) && performance.now() - started + retryDelay < budgetMs;
      if (retry) settings.onRetry?.({ attempt: attemptNumber, delayMs: retryDelay, error });
      return retry;
    },
  });
}

const WRAPPED = new WeakSet<object>();

type MethodBag = Record<string, unknown>;

function retryingMethods<R extends object>(repo: R, options: TransientRetryOptions): R {
  const entries = Object.entries(repo as MethodBag).map(([name, value]) => [
    name,
    typeof value === 'function'
      ? (...args: unknown[]) => retryTransient(() => value.apply(repo, args) as Promise<unknown>, options)
      : value,
  ]);
  return Object.fromEntries(entries) as R;
}

/**
 * Wraps every method of every repository in {@link retryTransient}, for the boundary of an agent that must
 * outlast a short database outage. Use it on repositories over a connection, never over a transaction (a
 * retried statement of a broken transaction cannot succeed). Wrapping an already wrapped set returns it as
 * it is, so retries never nest. Retried writes must be safe twice: the jobs repository's are conditional.
 */
export function retryingRepositories<T extends object>(repos: T, options: TransientRetryOptions = {}): T {
  if (WRAPPED.has(repos)) return repos;
  const wrapped = Object.fromEntries(
    Object.entries(repos as MethodBag).map(([name, repo]) => [
      name,
      repo !== null && typeof repo === 'object' ? retryingMethods(repo, options) : repo,
    ]),
  ) as T;
  WRAPPED.add(wrapped);
  return wrapped;
}
