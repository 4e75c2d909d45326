import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApi } from './support/test-api';

const OWNER = 'accounts_owner';
const INTRUDER = 'accounts_intruder';

describe('/api/accounts', () => {
  const api = useTestApi();
  const createAccount = async (name: string) => {
    const reply = await api.call('POST', '/api/accounts', {
      as: OWNER,
      json: { account_name: name, account_purpose: 'Investment Account', cash_balance: 2500.5 },
    });
    expect(reply.status).toBe(200);
    return reply.body;
  };

  it('creates accounts with the frontend’s body and lists the caller’s newest first', async () => {
    await api.call('GET', '/api/user', { as: OWNER });
    await api.call('GET', '/api/user', { as: INTRUDER });
    const first = await createAccount('Brokerage');
    expect(first).toEqual({
      id: expect.any(String),
      clerk_user_id: OWNER,
      account_name: 'Brokerage',
      account_purpose: 'Investment Account',
      cash_balance: 2500.5,
      cash_interest: 0,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    await createAccount('Roth IRA');
    const listed = await api.call('GET', '/api/accounts', { as: OWNER });
    expect(listed.body.map((account: { account_name: string }) => account.account_name)).toEqual([
      'Roth IRA',
      'Brokerage',
    ]);
    expect((await api.call('GET', '/api/accounts', { as: INTRUDER })).body).toEqual([]);
  });

  it('updates and deletes the caller’s account with the frontend’s bodies', async () => {
    const account = await createAccount('To edit');
    const edited = await api.call('PUT', `/api/accounts/${account.id}`, {
      as: OWNER,
      json: { account_name: 'Edited', account_purpose: 'Long term', cash_balance: 100 },
    });
    expect(edited.body).toMatchObject({
      id: account.id,
      account_name: 'Edited',
      account_purpose: 'Long term',
      cash_balance: 100,
    });
    const deleted = await api.call('DELETE', `/api/accounts/${account.id}`, { as: OWNER });
    expect(deleted.body).toEqual({ message: 'Account deleted successfully' });
    expect(await api.database.repos.accounts.find(OWNER, account.id)).toBeNull();
  });

  it('answers 404 for another user’s account, an unknown id and a non-uuid, changing nothing', async () => {
    const account = await createAccount('Private');
    const attempts = [
      ['PUT', `/api/accounts/${account.id}`, { account_name: 'Mine now' }],
      ['DELETE', `/api/accounts/${account.id}`, undefined],
      ['GET', `/api/accounts/${account.id}/positions`, undefined],
      ['POST', '/api/positions', { account_id: account.id, symbol: 'SPY', quantity: 1 }],
    ] as const;
    for (const [method, path, json] of attempts) {
      const reply = await api.call(method, path, { as: INTRUDER, ...(json ? { json } : {}) });
      expect([method, path, reply.status, typeof reply.body.detail]).toEqual([method, path, 404, 'string']);
    }
    for (const id of [randomUUID(), 'not-a-uuid', "1' OR '1'='1"]) {
      const path = `/api/accounts/${encodeURIComponent(id)}`;
      expect((await api.call('DELETE', path, { as: OWNER })).status).toBe(404);
      expect((await api.call('GET', `${path}/positions`, { as: OWNER })).status).toBe(404);
    }
    expect(await api.database.repos.accounts.find(OWNER, account.id)).toMatchObject({
      accountName: 'Private',
    });
  });

  it('populates the demo accounts with placeholders for unknown symbols, and resets them', async () => {
    const user = 'accounts_demo';
    await api.call('GET', '/api/user', { as: user });
    const populated = await api.call('POST', '/api/populate-test-data', { as: user });
    expect(populated.body).toMatchObject({
      message: 'Test data populated successfully',
      accounts_created: 3,
    });
    const [k401, roth, brokerage] = populated.body.accounts;
    expect(k401.account_name).toBe('401k Long-term');
    expect(k401.positions.map((p: { symbol: string }) => p.symbol)).toEqual([
      'BND',
      'IWM',
      'QQQ',
      'SPY',
      'VTI',
    ]);
    expect(roth.positions).toHaveLength(6);
    const tsla = brokerage.positions.find((p: { symbol: string }) => p.symbol === 'TSLA');
    expect(tsla.instrument).toMatchObject({
      name: 'TSLA',
      instrument_type: null,
      current_price: null,
      allocation_asset_class: {},
      allocation_regions: {},
      allocation_sectors: {},
    });
    const reset = await api.call('DELETE', '/api/reset-accounts', { as: user });
    expect(reset.body).toEqual({ message: 'Deleted 3 account(s)', accounts_deleted: 3 });
    expect((await api.call('GET', '/api/accounts', { as: user })).body).toEqual([]);
    expect((await api.call('GET', '/api/accounts', { as: OWNER })).body.length).toBeGreaterThan(0);
  });
});
