import { SETTINGS_FORM_BODY } from '@alex/testing';
import { describe, expect, it } from 'vitest';
import { useTestApi } from './support/test-api';

describe('GET and PUT /api/user', () => {
  const api = useTestApi();

  it('creates the user on the first call, named from the token, with the reference defaults', async () => {
    const token = await api.keys.sign('user_new', { claims: { email: 'ada@example.com' } });
    const first = await api.call('GET', '/api/user', { headers: { Authorization: `Bearer ${token}` } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      created: true,
      user: {
        clerk_user_id: 'user_new',
        display_name: 'ada',
        years_until_retirement: 20,
        target_retirement_income: 60000,
        asset_class_targets: { equity: 70, fixed_income: 30 },
        region_targets: { north_america: 50, international: 50 },
        targets_set: false,
      },
    });
    const second = await api.call('GET', '/api/user', { as: 'user_new' });
    expect(second.body.created).toBe(false);
    expect(second.body.user.display_name).toBe('ada');
  });

  it('updates the profile with the settings form’s body and our age and contribution', async () => {
    await api.call('GET', '/api/user', { as: 'user_settings' });
    const saved = await api.call('PUT', '/api/user', { as: 'user_settings', json: SETTINGS_FORM_BODY });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ clerk_user_id: 'user_settings', ...SETTINGS_FORM_BODY });
    const extra = await api.call('PUT', '/api/user', {
      as: 'user_settings',
      json: { current_age: 40, annual_contribution: 12000.5 },
    });
    expect(extra.body).toMatchObject({
      current_age: 40,
      annual_contribution: 12000.5,
      display_name: SETTINGS_FORM_BODY.display_name,
    });
    expect((await api.database.repos.users.find('user_settings'))?.annualContribution).toBe(12000.5);
  });

  it('marks the targets as set once a PUT writes either of them, and keeps them set', async () => {
    await api.call('GET', '/api/user', { as: 'user_targets' });
    const named = await api.call('PUT', '/api/user', { as: 'user_targets', json: { display_name: 'Ada' } });
    expect(named.body.targets_set).toBe(false);
    const regions = { region_targets: { north_america: 50, international: 50 } };
    const set = await api.call('PUT', '/api/user', { as: 'user_targets', json: regions });
    expect(set.body).toMatchObject({ ...regions, targets_set: true });
    await api.call('PUT', '/api/user', { as: 'user_targets', json: { display_name: 'Ada L' } });
    const read = await api.call('GET', '/api/user', { as: 'user_targets' });
    expect(read.body.user.targets_set).toBe(true);
  });

  it('refuses targets that do not sum to 100, out-of-range numbers and unknown fields with their paths', async () => {
    await api.call('GET', '/api/user', { as: 'user_invalid' });
    const before = await api.database.repos.users.find('user_invalid');
    const refused = [
      [{ asset_class_targets: { equity: 70, fixed_income: 20 } }, ['body', 'asset_class_targets']],
      [{ region_targets: { north_america: 150 } }, ['body', 'region_targets', 'north_america']],
      [{ region_targets: { mars: 100 } }, ['body', 'region_targets', 'mars']],
      [{ years_until_retirement: 101 }, ['body', 'years_until_retirement']],
      [{ years_until_retirement: 2.5 }, ['body', 'years_until_retirement']],
      [{ target_retirement_income: 10_000_000_000 }, ['body', 'target_retirement_income']],
      [{ target_retirement_income: 1.234 }, ['body', 'target_retirement_income']],
      [{ current_age: 90, years_until_retirement: 10 }, ['body', 'years_until_retirement']],
      [{ display_name: 42 }, ['body', 'display_name']],
      [{ clerk_user_id: 'someone_else' }, ['body', 'clerk_user_id']],
    ] as const;
    for (const [json, loc] of refused) {
      const reply = await api.call('PUT', '/api/user', { as: 'user_invalid', json });
      expect([reply.status, reply.body.detail[0].loc]).toEqual([422, loc]);
      expect(reply.body.detail[0]).toEqual({ loc, msg: expect.any(String), type: expect.any(String) });
    }
    expect(await api.database.repos.users.find('user_invalid')).toEqual(before);
  });
});
