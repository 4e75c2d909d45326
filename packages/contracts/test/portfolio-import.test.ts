import { describe, expect, it } from 'vitest';
import { PortfolioImportFile } from '../src';
import { failure, issuePaths, messages, validFile } from './support/import-files';

describe('PortfolioImportFile', () => {
  it('parses a valid file, upper-casing and trimming symbols and defaulting positions', () => {
    const file = PortfolioImportFile.parse(validFile());
    expect(file.accounts[0]?.positions).toEqual([
      { symbol: 'SPY', quantity: 10 },
      { symbol: 'BRK.B', quantity: 0.5 },
    ]);
    expect(file.accounts[1]).toEqual({ account_name: 'Roth IRA', positions: [] });
    expect(file.user.asset_class_targets).toEqual({ equity: 60, fixed_income: 40 });
  });

  it('reports every offending path of a malformed file in one error', () => {
    const raw = validFile();
    const malformed = {
      ...raw,
      user: {
        ...raw.user,
        extra: 'surprise',
        years_until_retirement: 'twenty',
        region_targets: { north_america: 50, europe: 40 },
      },
      accounts: [
        {
          ...raw.accounts[0],
          positions: [
            { symbol: 'SPY', quantity: 1 },
            { symbol: 'BND', quantity: -5 },
          ],
        },
        { account_name: 'Roth IRA', cash_balance: 10.001 },
      ],
    };
    const error = failure(malformed);
    expect(issuePaths(error).sort()).toEqual([
      'accounts.0.positions.1.quantity: too_small',
      'accounts.1.cash_balance: custom',
      'user.extra: unrecognized_keys',
      'user.region_targets: custom',
      'user.years_until_retirement: invalid_type',
    ]);
    const allocation = error.issues.find((issue) => issue.path.join('.') === 'user.region_targets');
    expect(allocation?.message).toContain('got 90');
  });

  it('rejects a zero quantity', () => {
    const raw = validFile();
    const error = failure({
      ...raw,
      accounts: [{ account_name: 'A', positions: [{ symbol: 'SPY', quantity: 0 }] }],
    });
    expect(issuePaths(error)).toEqual(['accounts.0.positions.0.quantity: too_small']);
  });

  it('rejects two accounts with the same name', () => {
    const raw = validFile();
    const error = failure({
      ...raw,
      accounts: [{ account_name: 'Same' }, { account_name: 'Other' }, { account_name: 'Same' }],
    });
    expect(issuePaths(error)).toEqual(['accounts.2.account_name: custom']);
    expect(error.issues[0]?.message).toBe('duplicate account name "Same"');
  });

  it('rejects the same symbol twice in one account, however it is cased, but allows it across accounts', () => {
    const raw = validFile();
    const error = failure({
      ...raw,
      accounts: [
        {
          account_name: 'A',
          positions: [
            { symbol: 'spy', quantity: 1 },
            { symbol: 'SPY', quantity: 2 },
          ],
        },
        { account_name: 'B', positions: [{ symbol: 'SPY', quantity: 3 }] },
      ],
    });
    expect(issuePaths(error)).toEqual(['accounts.0.positions.1.symbol: custom']);
    expect(error.issues[0]?.message).toBe(
      'duplicate symbol SPY in one account, also at accounts.0.positions.0',
    );
  });

  it('rejects allocation keys outside the known regions, sectors and asset classes', () => {
    const raw = validFile();
    const error = failure({ ...raw, user: { ...raw.user, asset_class_targets: { equity: 50, crypto: 50 } } });
    expect(issuePaths(error)).toEqual([
      'user.asset_class_targets.crypto: unrecognized_keys',
      'user.asset_class_targets: custom',
    ]);
  });
});

describe('PortfolioImportFile goals and shared data', () => {
  it('accepts a user without goals, absent or null', () => {
    const { years_until_retirement, target_retirement_income, current_age, ...user } = validFile().user;
    expect(PortfolioImportFile.parse({ ...validFile(), user }).user.years_until_retirement).toBeUndefined();
    const nulls = {
      ...user,
      years_until_retirement: null,
      target_retirement_income: null,
      current_age: null,
      annual_contribution: null,
    };
    expect(PortfolioImportFile.parse({ ...validFile(), user: nulls }).user).toMatchObject({
      years_until_retirement: null,
      target_retirement_income: null,
    });
  });

  it('refuses a file that carries an instruments section, even an empty one', () => {
    for (const instruments of [[{ symbol: 'SPY', name: 'Mine now', current_price: 1 }], []]) {
      const error = failure({ ...validFile(), instruments });
      expect(messages(error)).toEqual([
        'instruments: a portfolio file cannot change shared instrument data (prices, names, classifications); ' +
          'an administrator loads instruments with `pnpm alex instruments import FILE`',
      ]);
    }
  });
});
