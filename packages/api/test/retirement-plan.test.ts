import { describe, expect, it } from 'vitest';
import { useTestApi } from './support/test-api';

const PLAN = {
  other_income: [
    { name: 'Social Security', annual_amount: 24000.5, start_age: 67 },
    { name: 'Pension', annual_amount: 12000, start_age: 60, end_age: 80, inflation_adjusted: false },
  ],
  advisory_fee: 0.0125,
  end_age: 100,
};

describe('the retirement plan through GET and PUT /api/user', () => {
  const api = useTestApi();

  it('starts a new user with no other income, no advisory fee and the default end age', async () => {
    const reply = await api.call('GET', '/api/user', { as: 'plan_new' });
    expect(reply.body.user).toMatchObject({ other_income: [], advisory_fee: null, end_age: null });
  });

  it('stores the plan with a partial update, returns it from GET, and clears it with null and []', async () => {
    await api.call('GET', '/api/user', { as: 'plan_put' });
    const saved = await api.call('PUT', '/api/user', { as: 'plan_put', json: { current_age: 45, ...PLAN } });
    const stored = {
      ...PLAN,
      other_income: [{ ...PLAN.other_income[0], inflation_adjusted: true }, PLAN.other_income[1]],
    };
    expect([saved.status, saved.body]).toEqual([
      200,
      expect.objectContaining({ current_age: 45, ...stored }),
    ]);
    expect((await api.call('GET', '/api/user', { as: 'plan_put' })).body.user).toMatchObject(stored);
    const portfolio = await api.database.repos.portfolios.load('plan_put');
    expect(portfolio?.user).toMatchObject({
      otherIncome: stored.other_income,
      advisoryFee: 0.0125,
      endAge: 100,
    });

    const renamed = await api.call('PUT', '/api/user', {
      as: 'plan_put',
      json: { display_name: 'Still Planning' },
    });
    expect(renamed.body).toMatchObject(stored);
    const cleared = await api.call('PUT', '/api/user', {
      as: 'plan_put',
      json: { other_income: [], advisory_fee: null, end_age: null },
    });
    expect(cleared.body).toMatchObject({
      other_income: [],
      advisory_fee: null,
      end_age: null,
      current_age: 45,
    });
  });

  it('refuses a bad plan with a 422 naming each field, and changes nothing', async () => {
    await api.call('GET', '/api/user', { as: 'plan_bad' });
    await api.call('PUT', '/api/user', { as: 'plan_bad', json: { current_age: 50 } });
    const before = await api.database.repos.users.find('plan_bad');
    const income = PLAN.other_income[0];
    const eleven = Array.from({ length: 11 }, (_, i) => ({ ...income, name: `Income ${i}` }));
    const refused = [
      [{ other_income: eleven }, ['body', 'other_income']],
      [{ other_income: [{ ...income, annual_amount: -1 }] }, ['body', 'other_income', 0, 'annual_amount']],
      [
        { other_income: [{ ...income, annual_amount: 10_000_000.01 }] },
        ['body', 'other_income', 0, 'annual_amount'],
      ],
      [{ other_income: [{ ...income, name: 'x'.repeat(101) }] }, ['body', 'other_income', 0, 'name']],
      [{ other_income: [{ ...income, end_age: 66 }] }, ['body', 'other_income', 0, 'end_age']],
      [{ other_income: [{ ...income, payee: 'me' }] }, ['body', 'other_income', 0, 'payee']],
      [{ other_income: null }, ['body', 'other_income']],
      [{ advisory_fee: 0.06 }, ['body', 'advisory_fee']],
      [{ advisory_fee: -0.01 }, ['body', 'advisory_fee']],
      [{ end_age: 121 }, ['body', 'end_age']],
      [{ end_age: 90.5 }, ['body', 'end_age']],
      [{ current_age: 70, end_age: 70 }, ['body', 'end_age']],
    ] as const;
    for (const [json, loc] of refused) {
      const reply = await api.call('PUT', '/api/user', { as: 'plan_bad', json });
      expect([json, reply.status, reply.body.detail[0].loc]).toEqual([json, 422, loc]);
    }
    expect(await api.database.repos.users.find('plan_bad')).toEqual(before);
  });

  it('refuses an end age at or below the stored current age, and a current age that reaches the stored end age', async () => {
    await api.call('GET', '/api/user', { as: 'plan_ages' });
    await api.call('PUT', '/api/user', {
      as: 'plan_ages',
      json: { current_age: 60, years_until_retirement: 5 },
    });
    const early = await api.call('PUT', '/api/user', { as: 'plan_ages', json: { end_age: 60 } });
    expect([early.status, early.body.detail]).toEqual([
      422,
      [
        {
          loc: ['body', 'end_age'],
          msg: 'end_age (60) must be above current_age (60): the plan has to end after today',
          type: 'custom',
        },
      ],
    ]);
    expect((await api.call('PUT', '/api/user', { as: 'plan_ages', json: { end_age: 61 } })).status).toBe(200);
    const older = await api.call('PUT', '/api/user', { as: 'plan_ages', json: { current_age: 61 } });
    expect([older.status, older.body.detail[0].loc, older.body.detail[0].msg]).toEqual([
      422,
      ['body', 'current_age'],
      'end_age (61) must be above current_age (61): the plan has to end after today',
    ]);
    const both = await api.call('PUT', '/api/user', {
      as: 'plan_ages',
      json: { current_age: 61, end_age: 90 },
    });
    expect(both.body).toMatchObject({ current_age: 61, end_age: 90 });
    const unknownAge = await api.call('PUT', '/api/user', {
      as: 'plan_ages',
      json: { current_age: null, end_age: 30 },
    });
    expect(unknownAge.body).toMatchObject({ current_age: null, end_age: 30 });
  });

  it('gives instruments their expense ratio in the list and in positions', async () => {
    const list = await api.call('GET', '/api/instruments', { as: 'plan_instruments' });
    expect(list.body.find((row: { symbol: string }) => row.symbol === 'SPY')).toMatchObject({
      symbol: 'SPY',
      expense_ratio: 0.000945,
    });
    const accounts = (await api.call('GET', '/api/accounts', { as: 'test_user_001' })).body;
    const account = accounts.find((row: { account_name: string }) => row.account_name === '401(k)');
    const positions = await api.call('GET', `/api/accounts/${account.id}/positions`, { as: 'test_user_001' });
    const spy = positions.body.positions.find((row: { symbol: string }) => row.symbol === 'SPY');
    expect(spy.instrument.expense_ratio).toBe(0.000945);
  });

  it('documents the new fields in the OpenAPI document', async () => {
    const document = (await api.call('GET', '/openapi.json')).body;
    const put = document.paths['/api/user'].put;
    const request = put.requestBody.content['application/json'].schema;
    expect(Object.keys(request.properties)).toEqual(
      expect.arrayContaining(['other_income', 'advisory_fee', 'end_age']),
    );
    expect(request.properties.other_income.maxItems).toBe(10);
    const response = put.responses['200'].content['application/json'].schema;
    expect(response.required).toEqual(expect.arrayContaining(['other_income', 'advisory_fee', 'end_age']));
  });
});
