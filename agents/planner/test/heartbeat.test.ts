import { createMemoryLogger } from '@alex/runtime';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isLocalOwnerAlive, localClaimOwner } from '../src';
import { startHeartbeat } from '../src/heartbeat';

// Fake timers: the beats are counted on the test's clock, not on a machine that may be busy.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const delay = (ms: number) => vi.advanceTimersByTimeAsync(ms);

/** A heartbeat every 10 ms whose nth renewal (from 1) answers `renewal(n)`, watched for 100 ms. */
async function beatFor100ms(renewal: (n: number) => boolean) {
  let renewals = 0;
  const logger = createMemoryLogger('planner');
  const heartbeat = startHeartbeat({ renew: async () => renewal(++renewals), intervalMs: 10, logger });
  await delay(100);
  const logged = (prefix: string) =>
    logger.lines.filter((line) => String(line.message).startsWith(prefix)).length;
  return { heartbeat, renewals: () => renewals, logged };
}

describe('heartbeat', () => {
  it('renews the lease every interval until stopped', async () => {
    const { heartbeat, renewals } = await beatFor100ms(() => true);
    heartbeat.stop();
    const atStop = renewals();
    expect(atStop).toBe(10);
    await delay(50);
    expect(renewals()).toBe(atStop);
  });

  it('logs a lost claim once and stops beating', async () => {
    const { heartbeat, renewals, logged } = await beatFor100ms(() => false);
    expect(heartbeat.lost()).toBe(true);
    expect(renewals()).toBe(1);
    expect(logged('claim lost')).toBe(1);
    heartbeat.stop();
  });

  it('keeps beating through failed renewals (the database may come back before the lease expires)', async () => {
    const { heartbeat, renewals, logged } = await beatFor100ms((n) => {
      if (n < 3) throw new Error('Connection terminated unexpectedly');
      return true;
    });
    heartbeat.stop();
    expect(renewals()).toBe(10);
    expect(heartbeat.lost()).toBe(false);
    expect(logged('lease renewal failed')).toBe(2);
  });
});

describe('local claim owners', () => {
  it('reads this process as alive, a finished process on this host as dead, and another host as unknown', () => {
    expect(isLocalOwnerAlive(`${localClaimOwner()}/run1`)).toBe(true);
    expect(isLocalOwnerAlive(localClaimOwner(undefined, 2 ** 22 + 12_345))).toBe(false);
    expect(isLocalOwnerAlive(localClaimOwner('elsewhere.example', 1))).toBeUndefined();
    expect(isLocalOwnerAlive('lambda:3f2b/abc')).toBeUndefined();
  });
});
