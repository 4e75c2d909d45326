import { setTimeout as delay } from 'node:timers/promises';
import { createMemoryLogger } from '@alex/runtime';
import { describe, expect, it } from 'vitest';
import { isLocalOwnerAlive, localClaimOwner } from '../src';
import { startHeartbeat } from '../src/heartbeat';

const messages = (logger: ReturnType<typeof createMemoryLogger>) =>
  logger.lines.map((line) => String(line.message));

describe('heartbeat', () => {
  it('renews the lease every interval until stopped', async () => {
    let renewals = 0;
    const heartbeat = startHeartbeat({
      renew: async () => {
        renewals += 1;
        return true;
      },
      intervalMs: 10,
      logger: createMemoryLogger('planner'),
    });
    await delay(100);
    heartbeat.stop();
    const atStop = renewals;
    expect(atStop).toBeGreaterThanOrEqual(3);
    await delay(50);
    expect(renewals).toBe(atStop);
  });

  it('logs a lost claim once and stops beating', async () => {
    let renewals = 0;
    const logger = createMemoryLogger('planner');
    const heartbeat = startHeartbeat({
      renew: async () => {
        renewals += 1;
        return false;
      },
      intervalMs: 10,
      logger,
    });
    await delay(100);
    expect(heartbeat.lost()).toBe(true);
    expect(renewals).toBe(1);
    expect(messages(logger).filter((message) => message.startsWith('claim lost'))).toHaveLength(1);
    heartbeat.stop();
  });

  it('keeps beating through failed renewals (the database may come back before the lease expires)', async () => {
    let renewals = 0;
    const logger = createMemoryLogger('planner');
    const heartbeat = startHeartbeat({
      renew: async () => {
        renewals += 1;
        if (renewals < 3) throw new Error('Connection terminated unexpectedly');
        return true;
      },
      intervalMs: 10,
      logger,
    });
    await delay(100);
    heartbeat.stop();
    expect(renewals).toBeGreaterThan(3);
    expect(heartbeat.lost()).toBe(false);
    expect(messages(logger).filter((message) => message.startsWith('lease renewal failed'))).toHaveLength(2);
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
