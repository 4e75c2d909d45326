import { describe, expect, it } from 'vitest';
import { createApp } from '../src';
import { useTestApi } from './support/test-api';

// Every route that reads a body, with a body it would accept.
const WRITES = [
  ['PUT', '/api/user', { display_name: 'Changed' }],
  ['POST', '/api/accounts', { account_name: 'Changed', cash_balance: 1 }],
  ['POST', '/api/analyze', { analysis_type: 'portfolio', options: {} }],
] as const;

describe('requests the API refuses', () => {
  const api = useTestApi();
  const USER = 'bad_requests';

  async function snapshot() {
    const { users, accounts, userJobs } = api.database.repos;
    return {
      user: await users.find(USER),
      accounts: await accounts.list(USER),
      jobs: await userJobs.list(USER),
    };
  }

  it('refuses a body that is not JSON, not declared as JSON, not an object or too large, writing nothing', async () => {
    await api.call('GET', '/api/user', { as: USER });
    const before = await snapshot();
    const json = { 'Content-Type': 'application/json' };
    for (const [method, path, valid] of WRITES) {
      const replies = [
        await api.call(method, path, { as: USER, body: '{"display_name": ', headers: json }),
        await api.call(method, path, {
          as: USER,
          body: JSON.stringify(valid),
          headers: { 'Content-Type': 'text/plain' },
        }),
        await api.call(method, path, { as: USER, json: [valid] }),
        await api.call(method, path, { as: USER, json: 'text' }),
        await api.call(method, path, { as: USER, json: { ...valid, padding: 'x'.repeat(100_000) } }),
      ];
      expect([path, replies.map((reply) => reply.status)]).toEqual([path, [400, 415, 422, 422, 413]]);
      for (const reply of replies) expect(reply.body).toHaveProperty('detail');
    }
    expect(await snapshot()).toEqual(before);
    expect(api.queue.sent).toEqual([]);
  });

  it('refuses unknown fields and wrong types in every body with FastAPI-style issues', async () => {
    const before = await snapshot();
    for (const [method, path, valid] of WRITES) {
      const unknown = await api.call(method, path, { as: USER, json: { ...valid, is_admin: true } });
      expect(unknown.status).toBe(422);
      expect(unknown.body.detail).toEqual([
        { loc: ['body', 'is_admin'], msg: expect.any(String), type: 'extra_forbidden' },
      ]);
    }
    const wrongType = await api.call('POST', '/api/accounts', {
      as: USER,
      json: { account_name: 'A', cash_balance: '100' },
    });
    expect(wrongType.body.detail).toEqual([
      { loc: ['body', 'cash_balance'], msg: expect.any(String), type: 'invalid_type' },
    ]);
    const negative = await api.call('POST', '/api/accounts', {
      as: USER,
      json: { account_name: 'A', cash_balance: -1 },
    });
    expect(negative.status).toBe(422);
    const options = await api.call('POST', '/api/analyze', {
      as: USER,
      json: { options: { big: 'x'.repeat(5000) } },
    });
    expect(options.body.detail[0].loc).toEqual(['body', 'options']);
    expect(await snapshot()).toEqual(before);
  });

  it('answers an unknown route with 404 and an unexpected failure with 500 without its details', async () => {
    const unknown = await api.call('GET', '/api/nothing-here', { as: USER });
    expect(unknown).toMatchObject({ status: 404, body: { detail: 'Not Found' } });
    const unmatchedToken = await api.call('GET', '/api/nothing-here');
    expect(unmatchedToken.status).toBe(401);
    const { repos } = api.database;
    const broken = createApp({
      repos: {
        ...repos,
        accounts: {
          ...repos.accounts,
          list: () => Promise.reject(new Error('Failed query: select 1\nparams: secret')),
        },
      },
      queue: api.queue,
      verifyToken: api.keys.verifyToken,
      corsOrigins: [],
      logger: api.logger,
    });
    const headers = { Authorization: `Bearer ${await api.keys.sign(USER)}` };
    const failed = await broken.request('/api/accounts', { headers });
    expect([failed.status, await failed.json()]).toEqual([500, { detail: 'An unexpected error occurred.' }]);
    expect(JSON.stringify(api.logger.lines)).not.toContain('secret');
  });
});
