import { describe, expect, it } from 'vitest';
import { useTestApi } from './support/test-api';

const OWNER = 'positions_owner';
const INTRUDER = 'positions_intruder';

describe('/api/positions and /api/instruments', () => {
  const api = useTestApi();
  let accountId = '';

  it('adds a position with the frontend’s body and lists it with its instrument', async () => {
    await api.call('GET', '/api/user', { as: OWNER });
    await api.call('GET', '/api/user', { as: INTRUDER });
    const account = await api.call('POST', '/api/accounts', { as: OWNER, json: { account_name: 'Main' } });
    accountId = account.body.id;
    const added = await api.call('POST', '/api/positions', {
      as: OWNER,
      json: { account_id: accountId, symbol: 'SPY', quantity: 10 },
    });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({
      account_id: accountId,
      symbol: 'SPY',
      quantity: 10,
      instrument_name: 'SPDR S&P 500 ETF Trust',
      instrument_type: 'etf',
      current_price: 450.25,
      instrument: { symbol: 'SPY', allocation_asset_class: { equity: 100 } },
    });
    expect(added.body.as_of_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const listed = await api.call('GET', `/api/accounts/${accountId}/positions`, { as: OWNER });
    expect(listed.body.positions.map((p: { id: string }) => p.id)).toEqual([added.body.id]);
  });

  it('creates only a bare placeholder for an unknown symbol, upper-cased', async () => {
    const added = await api.call('POST', '/api/positions', {
      as: OWNER,
      json: { account_id: accountId, symbol: 'zzqx', quantity: 3.5 },
    });
    expect(added.body).toMatchObject({
      symbol: 'ZZQX',
      quantity: 3.5,
      instrument_name: 'ZZQX',
      current_price: null,
    });
    const [instrument] = await api.database.repos.instruments.findMany(['ZZQX']);
    expect(instrument).toMatchObject({
      name: 'ZZQX',
      instrumentType: null,
      currentPrice: null,
      allocationAssetClass: {},
      allocationRegions: {},
      allocationSectors: {},
    });
  });

  it('updates and deletes the caller’s position, and answers 404 to another user', async () => {
    const [position] = (await api.call('GET', `/api/accounts/${accountId}/positions`, { as: OWNER })).body
      .positions;
    const path = `/api/positions/${position.id}`;
    expect((await api.call('PUT', path, { as: INTRUDER, json: { quantity: 1 } })).status).toBe(404);
    expect((await api.call('DELETE', path, { as: INTRUDER })).status).toBe(404);
    expect((await api.call('PUT', '/api/positions/42', { as: OWNER, json: { quantity: 1 } })).status).toBe(
      404,
    );
    const updated = await api.call('PUT', path, { as: OWNER, json: { quantity: 25.125 } });
    expect(updated.body).toMatchObject({ id: position.id, quantity: 25.125 });
    expect((await api.call('DELETE', path, { as: OWNER })).body).toEqual({ message: 'Position deleted' });
    expect((await api.call('DELETE', path, { as: OWNER })).status).toBe(404);
  });

  it('refuses quantities a numeric(20, 8) column cannot hold and symbols that are not tickers', async () => {
    for (const quantity of [0, -1, 1e-9, 1e13, '5']) {
      const reply = await api.call('POST', '/api/positions', {
        as: OWNER,
        json: { account_id: accountId, symbol: 'SPY', quantity },
      });
      expect([quantity, reply.status, reply.body.detail[0].loc]).toEqual([
        quantity,
        422,
        ['body', 'quantity'],
      ]);
    }
    for (const symbol of ['', 'DROP TABLE', 'X'.repeat(21)]) {
      const reply = await api.call('POST', '/api/positions', {
        as: OWNER,
        json: { account_id: accountId, symbol, quantity: 1 },
      });
      expect([symbol, reply.status]).toEqual([symbol, 422]);
    }
    expect(await api.database.repos.instruments.findMany(['DROP TABLE'])).toEqual([]);
  });

  it('lists every instrument with symbol, name, type and price', async () => {
    const reply = await api.call('GET', '/api/instruments', { as: OWNER });
    expect(reply.body.find((i: { symbol: string }) => i.symbol === 'SPY')).toEqual({
      symbol: 'SPY',
      name: 'SPDR S&P 500 ETF Trust',
      instrument_type: 'etf',
      current_price: 450.25,
      expense_ratio: 0.000945,
    });
    expect(reply.body.length).toBeGreaterThanOrEqual(22);
  });
});
