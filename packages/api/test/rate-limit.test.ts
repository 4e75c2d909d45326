import { describe, expect, it } from 'vitest';
import { useTestApi } from './support/test-api';

/** A clock that moves only when told. */
function manualClock() {
  let now = Date.parse('2026-01-05T10:00:00Z');
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe('per-user rate limit', () => {
  const clock = manualClock();
  const api = useTestApi({ rateLimit: { perSecond: 2, burst: 3 }, clock });
  const statuses = async (user: string, count: number) => {
    const replies = [];
    for (let i = 0; i < count; i++) replies.push(await api.call('GET', '/api/accounts', { as: user }));
    return replies.map((reply) => reply.status);
  };

  it('answers 429 with Retry-After past the burst, to that user only', async () => {
    expect(await statuses('limit_a', 4)).toEqual([200, 200, 200, 429]);
    const limited = await api.call('GET', '/api/accounts', { as: 'limit_a' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('1');
    expect(limited.body).toEqual({ detail: expect.stringContaining('Too many requests') });
    expect(await statuses('limit_b', 1)).toEqual([200]);
    const document = await api.call('GET', '/openapi.json');
    expect(document.body.paths['/api/accounts'].get.responses['429'].headers).toHaveProperty('Retry-After');
  });

  it('refills at the configured rate and never above the burst', async () => {
    clock.advance(500);
    expect(await statuses('limit_a', 2)).toEqual([200, 429]);
    clock.advance(60_000);
    expect(await statuses('limit_a', 4)).toEqual([200, 200, 200, 429]);
  });

  it('writes nothing for a refused request', async () => {
    await api.call('GET', '/api/user', { as: 'limit_c' });
    await statuses('limit_c', 3);
    const reply = await api.call('POST', '/api/accounts', { as: 'limit_c', json: { account_name: 'Flood' } });
    expect(reply.status).toBe(429);
    expect(await api.database.repos.accounts.list('limit_c')).toEqual([]);
  });

  it('counts no request without a valid token against a user', async () => {
    clock.advance(60_000);
    for (let i = 0; i < 5; i++) expect((await api.call('GET', '/api/accounts')).status).toBe(401);
    expect(await statuses('limit_a', 1)).toEqual([200]);
  });
});

describe('default rate limit', () => {
  const clock = manualClock();
  const api = useTestApi({ clock });

  it('lets a burst of 40 through and refuses a flood far over the rate', async () => {
    const token = `Bearer ${await api.keys.sign('limit_flood')}`;
    const replies = await Promise.all(
      Array.from({ length: 100 }, () =>
        api.app.request('/api/accounts', { headers: { Authorization: token } }),
      ),
    );
    const count = (status: number) => replies.filter((reply) => reply.status === status).length;
    expect([count(200), count(429)]).toEqual([40, 60]);
    clock.advance(1000);
    expect(await api.call('GET', '/api/accounts', { as: 'limit_flood' })).toMatchObject({ status: 200 });
  });
});

describe('rate limit turned off', () => {
  const api = useTestApi({ rateLimit: false, clock: manualClock() });

  it('answers every request when the limit is false', async () => {
    const token = `Bearer ${await api.keys.sign('limit_off')}`;
    const replies = await Promise.all(
      Array.from({ length: 60 }, () =>
        api.app.request('/api/accounts', { headers: { Authorization: token } }),
      ),
    );
    expect(replies.every((reply) => reply.status === 200)).toBe(true);
  });
});
