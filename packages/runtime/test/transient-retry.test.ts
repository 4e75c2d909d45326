import { describe, expect, it } from 'vitest';
import { retryingRepositories, retryTransient } from '../src';

function refused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
}

/** A call that fails with `error` the first `failures` times, then returns 'ok'. */
function flaky(failures: number, error: () => Error = refused) {
  let calls = 0;
  const call = async () => {
    calls += 1;
    if (calls <= failures) throw error();
    return 'ok';
  };
  return { call, calls: () => calls };
}

const FAST = { minDelayMs: 1, maxDelayMs: 5 };

describe('retryTransient', () => {
  it('retries a transient failure until the call succeeds', async () => {
    const target = flaky(3);
    const retries: number[] = [];
    const result = await retryTransient(target.call, {
      ...FAST,
      onRetry: ({ attempt }) => retries.push(attempt),
    });
    expect(result).toBe('ok');
    expect(target.calls()).toBe(4);
    expect(retries).toEqual([1, 2, 3]);
  });

  it('does not retry an error that is not transient', async () => {
    const target = flaky(5, () => new Error('column "x" does not exist'));
    await expect(retryTransient(target.call, FAST)).rejects.toThrow('column "x" does not exist');
    expect(target.calls()).toBe(1);
  });

  it('gives up at the caller’s deadline minus the margin and throws the last error', async () => {
    const target = flaky(Number.POSITIVE_INFINITY);
    const started = Date.now();
    await expect(
      retryTransient(target.call, {
        minDelayMs: 20,
        maxDelayMs: 20,
        remainingTimeMs: () => 1_300 - (Date.now() - started),
        marginMs: 1_000,
      }),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(1_000);
    expect(target.calls()).toBeGreaterThan(2);
  });

  it('makes a single attempt when the caller has no time left beyond the margin', async () => {
    const target = flaky(1);
    await expect(
      retryTransient(target.call, { ...FAST, remainingTimeMs: () => 5_000, marginMs: 10_000 }),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(target.calls()).toBe(1);
  });

  it('stops after maxRetryTimeMs even when the caller has no deadline', async () => {
    const target = flaky(Number.POSITIVE_INFINITY);
    const started = Date.now();
    await expect(retryTransient(target.call, { ...FAST, maxRetryTimeMs: 200 })).rejects.toThrow(
      'ECONNREFUSED',
    );
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('retryingRepositories', () => {
  it('retries every method of every repository, keeping its arguments and result', async () => {
    const target = flaky(2);
    const repos = {
      jobs: { find: async (id: string) => `${await target.call()}:${id}` },
      users: { count: async () => 7 },
    };
    const wrapped = retryingRepositories(repos, FAST);
    expect(await wrapped.jobs.find('j1')).toBe('ok:j1');
    expect(await wrapped.users.count()).toBe(7);
    expect(target.calls()).toBe(3);
  });

  it('never wraps a wrapped set twice, so retries do not nest', async () => {
    const wrapped = retryingRepositories({ jobs: { find: async () => 1 } }, FAST);
    expect(retryingRepositories(wrapped, FAST)).toBe(wrapped);
  });
});
