import { describe, expect, it } from 'vitest';
import { slidingWindowLimiter } from '../src';

describe('slidingWindowLimiter', () => {
  it('lets the quota start at once, then waits for the oldest start to leave the window', () => {
    const limiter = slidingWindowLimiter({ requests: 2, windowMs: 60_000 });

    expect(limiter.delayAt(0)).toBe(0);
    limiter.record(0);
    expect(limiter.delayAt(1_000)).toBe(0);
    limiter.record(1_000);

    expect(limiter.delayAt(5_000)).toBe(55_000);
    expect(limiter.delayAt(60_000)).toBe(0);
    limiter.record(60_000);
    expect(limiter.delayAt(60_500)).toBe(500);
  });

  it('rejects a quota without requests', () => {
    expect(() => slidingWindowLimiter({ requests: 0, windowMs: 1_000 })).toThrow(RangeError);
  });
});
