import { describe, expect, it } from 'vitest';
import { useTestApi } from './support/test-api';

const OWNER = 'bodies_owner';
const INTRUDER = 'bodies_intruder';
const JSON_TYPE = { 'Content-Type': 'application/json' };

describe('bodies and ids crafted to get past validation', () => {
  const api = useTestApi();
  let accountId = '';
  let positionId = '';

  async function snapshot() {
    const { users, accounts, positions, userJobs } = api.database.repos;
    const [owner, intruder] = [await users.find(OWNER), await users.find(INTRUDER)];
    return {
      users: [owner, intruder],
      accounts: [await accounts.list(OWNER), await accounts.list(INTRUDER)],
      positions: await positions.listByAccount(OWNER, accountId),
      jobs: [await userJobs.list(OWNER), await userJobs.list(INTRUDER)],
    };
  }

  it('sets up an owner with an account and a position', async () => {
    await api.call('GET', '/api/user', { as: OWNER });
    await api.call('GET', '/api/user', { as: INTRUDER });
    accountId = (await api.call('POST', '/api/accounts', { as: OWNER, json: { account_name: 'Main' } })).body
      .id;
    const position = await api.call('POST', '/api/positions', {
      as: OWNER,
      json: { account_id: accountId, symbol: 'SPY', quantity: 10 },
    });
    positionId = position.body.id;
    expect([accountId, positionId]).toEqual([expect.any(String), expect.any(String)]);
  });

  it('refuses numbers JSON can spell but a column cannot hold, with 422 and nothing written', async () => {
    const before = await snapshot();
    const raw = (quantity: string) =>
      `{"account_id": "${accountId}", "symbol": "QQQ", "quantity": ${quantity}}`;
    for (const quantity of ['1e309', '-1e309', '-0', '"NaN"', '"Infinity"', 'null', '1.000000001', '1e20']) {
      const reply = await api.call('POST', '/api/positions', {
        as: OWNER,
        body: raw(quantity),
        headers: JSON_TYPE,
      });
      expect([quantity, reply.status, reply.body.detail[0]?.loc]).toEqual([
        quantity,
        422,
        ['body', 'quantity'],
      ]);
    }
    const path = `/api/positions/${positionId}`;
    for (const quantity of ['1e309', '12345678901234.5', '0.123456789']) {
      const reply = await api.call('PUT', path, {
        as: OWNER,
        body: `{"quantity": ${quantity}}`,
        headers: JSON_TYPE,
      });
      expect([quantity, reply.status]).toEqual([quantity, 422]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('stores -0 money as 0 and reads a duplicated key as its last value, the one validated', async () => {
    const body = '{"account_name": "First", "account_name": "Last", "cash_balance": -0}';
    const created = await api.call('POST', '/api/accounts', { as: OWNER, body, headers: JSON_TYPE });
    expect(created.body).toMatchObject({ account_name: 'Last', cash_balance: 0 });
    const sneaky = '{"quantity": 5, "quantity": -5}';
    const reply = await api.call('PUT', `/api/positions/${positionId}`, {
      as: OWNER,
      body: sneaky,
      headers: JSON_TYPE,
    });
    expect(reply.status).toBe(422);
    await api.call('DELETE', `/api/accounts/${created.body.id}`, { as: OWNER });
  });

  it('refuses deeply nested JSON in every body with a 4xx, never a 500', async () => {
    const before = await snapshot();
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const bodies = [
      ['POST', '/api/analyze', `{"options": {"deep": ${nested(20_000)}}}`],
      ['POST', '/api/analyze', `{"options": ${nested(30_000)}}`],
      ['PUT', '/api/user', `{"asset_class_targets": {"equity": ${nested(20_000)}}}`],
      ['POST', '/api/accounts', `{"account_name": "A", "extra": ${nested(20_000)}}`],
      ['POST', '/api/analyze', `{"options": {"a": ${nested(9)}}}`],
    ] as const;
    for (const [method, path, body] of bodies) {
      const reply = await api.call(method, path, { as: OWNER, body, headers: JSON_TYPE });
      expect([path, reply.status]).toEqual([path, 422]);
    }
    expect(await snapshot()).toEqual(before);
    expect(api.queue.sent).toEqual([]);
  });

  it('refuses text PostgreSQL cannot store and dates it has no year for with 422, never a 500', async () => {
    const before = await snapshot();
    const bodies = [
      ['/api/analyze', '{"analysis_type": "port\\u0000folio"}', ['body', 'analysis_type']],
      ['/api/analyze', '{"analysis_type": "\\ud800"}', ['body', 'analysis_type']],
      ['/api/analyze', '{"options": {"note": "a\\u0000b"}}', ['body', 'options']],
      ['/api/analyze', '{"options": {"k\\u0000": 1}}', ['body', 'options']],
      ['/api/analyze', '{"options": {"list": [{"deep": "\\udc00"}]}}', ['body', 'options']],
      [
        '/api/positions',
        `{"account_id": "${accountId}", "symbol": "QQQ", "quantity": 1, "as_of_date": "0000-01-01"}`,
        ['body', 'as_of_date'],
      ],
      [
        '/api/positions',
        `{"account_id": "${accountId}", "symbol": "QQQ", "quantity": 1, "as_of_date": "2024-02-30"}`,
        ['body', 'as_of_date'],
      ],
    ] as const;
    for (const [path, body, loc] of bodies) {
      const reply = await api.call('POST', path, { as: OWNER, body, headers: JSON_TYPE });
      expect([body, reply.status, reply.body.detail[0]?.loc]).toEqual([body, 422, loc]);
    }
    expect(await snapshot()).toEqual(before);
    expect(api.queue.sent).toEqual([]);
  });

  it('refuses a body over the limit sent without a Content-Length with 413, writing nothing', async () => {
    const before = await snapshot();
    const chunk = new TextEncoder().encode(
      `{"account_name": "Streamed", "padding": "${'x'.repeat(70_000)}"}`,
    );
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const headers = { ...JSON_TYPE, Authorization: `Bearer ${await api.keys.sign(OWNER)}` };
    const init = { method: 'POST', headers, body, duplex: 'half' } as RequestInit;
    const reply = await api.app.request('/api/accounts', init);
    expect([reply.status, await reply.json()]).toEqual([413, { detail: expect.any(String) }]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a body whose content type lies about it, writing nothing', async () => {
    const before = await snapshot();
    const json = JSON.stringify({ account_name: 'Lie' });
    const lies = [
      [{ 'Content-Type': 'application/x-www-form-urlencoded' }, json, 415],
      [{ 'Content-Type': 'multipart/form-data; boundary=x' }, json, 415],
      [{ 'Content-Type': 'application/jsonp' }, json, 415],
      [{ 'Content-Type': 'text/json' }, json, 415],
      [{}, json, 415],
      [JSON_TYPE, 'account_name=Lie', 400],
      [JSON_TYPE, '', 400],
    ] as const;
    for (const [headers, body, status] of lies) {
      const reply = await api.call('POST', '/api/accounts', { as: OWNER, body, headers });
      expect([headers, reply.status, typeof reply.body.detail]).toEqual([headers, status, 'string']);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('answers 404 to every use of another user’s ids, changing nothing', async () => {
    const before = await snapshot();
    const attempts = [
      ['PUT', `/api/positions/${positionId}`, { quantity: 1 }],
      ['PUT', `/api/positions/${accountId}`, { quantity: 1 }],
      ['DELETE', `/api/positions/${accountId}`, undefined],
      ['PUT', `/api/accounts/${positionId}`, { account_name: 'Mine' }],
      ['POST', '/api/positions', { account_id: accountId, symbol: 'NEWCO', quantity: 1 }],
      ['POST', '/api/positions', { account_id: positionId, symbol: 'SPY', quantity: 1 }],
      ['POST', '/api/positions', { account_id: 'not-a-uuid', symbol: 'SPY', quantity: 1 }],
    ] as const;
    for (const [method, path, json] of attempts) {
      const reply = await api.call(method, path, { as: INTRUDER, ...(json ? { json } : {}) });
      expect([method, path, reply.status, typeof reply.body.detail]).toEqual([method, path, 404, 'string']);
    }
    expect(await api.database.repos.instruments.findMany(['NEWCO'])).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});
