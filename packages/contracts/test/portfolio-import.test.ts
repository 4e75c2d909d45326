import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { PortfolioImportFile } from '../src';

function validFile() {
  return {
    user: {
      clerk_user_id: 'user_123',
      display_name: 'Ada',
      years_until_retirement: 25,
      target_retirement_income: 90000,
      current_age: 40,
      asset_class_targets: { equity: 60, fixed_income: 40 },
    },
    accounts: [
      {
        account_name: '401(k)',
        cash_balance: 1234.56,
        cash_interest: 0.045,
        positions: [
          { symbol: 'spy', quantity: 10 },
          { symbol: ' brk.b ', quantity: 0.5 },
        ],
      },
      { account_name: 'Roth IRA' },
    ],
    instruments: [
      {
        symbol: 'brk.b',
        name: 'Berkshire Hathaway B',
        instrument_type: 'stock',
        current_price: 412.3,
        allocation_regions: { north_america: 100 },
      },
    ],
  };
}

/** Every issue as "path: code", with unknown keys spelled out as their own path. */
function issuePaths(error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${path}.${key}: ${issue.code}`);
    return [`${path}: ${issue.code}`];
  });
}

function failure(raw: unknown): z.ZodError {
  const result = PortfolioImportFile.safeParse(raw);
  if (result.success) throw new Error('expected the file to be rejected');
  return result.error;
}

describe('PortfolioImportFile', () => {
  it('parses a valid file, upper-casing and trimming symbols and defaulting positions', () => {
    const file = PortfolioImportFile.parse(validFile());
    expect(file.accounts[0]?.positions).toEqual([
      { symbol: 'SPY', quantity: 10 },
      { symbol: 'BRK.B', quantity: 0.5 },
    ]);
    expect(file.accounts[1]).toEqual({ account_name: 'Roth IRA', positions: [] });
    expect(file.instruments?.[0]?.symbol).toBe('BRK.B');
    expect(file.user.asset_class_targets).toEqual({ equity: 60, fixed_income: 40 });
  });

  it('reports every offending path of a malformed file in one error', () => {
    const raw = validFile();
    const malformed = {
      ...raw,
      user: { ...raw.user, extra: 'surprise', years_until_retirement: 'twenty' },
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
      instruments: [{ ...raw.instruments[0], allocation_regions: { north_america: 50, europe: 40 } }],
    };
    const error = failure(malformed);
    expect(issuePaths(error).sort()).toEqual([
      'accounts.0.positions.1.quantity: too_small',
      'accounts.1.cash_balance: not_multiple_of',
      'instruments.0.allocation_regions: custom',
      'user.extra: unrecognized_keys',
      'user.years_until_retirement: invalid_type',
    ]);
    const allocation = error.issues.find(
      (issue) => issue.path.join('.') === 'instruments.0.allocation_regions',
    );
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
    expect(error.issues[0]?.message).toBe('duplicate symbol SPY in one account');
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
