/** A request quota: at most `requests` requests started in any window of `windowMs` milliseconds. */
export interface RateLimit {
  requests: number;
  windowMs: number;
}

/** Tracks request start times against a {@link RateLimit}; time is passed in, so tests need no timers. */
export interface SlidingWindowLimiter {
  /** Milliseconds to wait at `now` before the next request may start (0 when it may start now). */
  delayAt(now: number): number;
  /** Records a request started at `now`. */
  record(now: number): void;
}

/**
 * A limiter that allows `requests` starts in any `windowMs` window: unlike a fixed minimum interval, a
 * warm process can burst up to the quota and only waits once it is spent.
 */
export function slidingWindowLimiter(limit: RateLimit): SlidingWindowLimiter {
  if (!Number.isInteger(limit.requests) || limit.requests < 1 || !(limit.windowMs > 0)) {
    throw new RangeError('a rate limit needs requests >= 1 (an integer) and windowMs > 0');
  }
  const starts: number[] = [];
  const forget = (now: number) => {
    while (starts.length > 0 && (starts[0] ?? 0) <= now - limit.windowMs) starts.shift();
  };
  return {
    delayAt(now) {
      forget(now);
      if (starts.length < limit.requests) return 0;
      // Invariant: starts is sorted and holds exactly `requests` entries here; the oldest leaves the window first.
      return (starts[0] ?? now) + limit.windowMs - now;
    },
    record(now) {
      forget(now);
      starts.push(now);
    },
  };
}
