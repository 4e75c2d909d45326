import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { InstrumentsFile, PortfolioImportFile } from '../src';

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

/** Every issue as "path: message". */
function messages(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('PortfolioImportFile at the limits of its columns', () => {
  const LARGEST_QUANTITY = 999_999_999_999.9999; // the largest double below 1e12 (numeric(20, 8) holds < 1e12)
  const withAccount = (account: Record<string, unknown>) => ({
    ...validFile(),
    accounts: [{ account_name: 'A', ...account }],
  });
  const withQuantities = (...quantities: number[]) =>
    withAccount({ positions: quantities.map((quantity, i) => ({ symbol: `S${i}`, quantity })) });

  it('accepts the largest and smallest values each column stores', () => {
    expect(String(LARGEST_QUANTITY)).toBe('999999999999.9999');
    const file = PortfolioImportFile.parse({
      ...withAccount({ cash_balance: 9_999_999_999.99, cash_interest: 1 }),
      user: { ...validFile().user, target_retirement_income: 9_999_999_999.99, annual_contribution: 0.01 },
    });
    expect(file.accounts[0]?.cash_balance).toBe(9_999_999_999.99);
    expect(file.user.target_retirement_income).toBe(9_999_999_999.99);
    const quantities = PortfolioImportFile.parse(withQuantities(LARGEST_QUANTITY, 1e-8, 0.12345678));
    expect(quantities.accounts[0]?.positions.map((p) => p.quantity)).toEqual([
      LARGEST_QUANTITY,
      1e-8,
      0.12345678,
    ]);
  });

  it('refuses one step beyond each column with the field path', () => {
    const error = failure({
      ...withAccount({
        cash_balance: 10_000_000_000,
        cash_interest: 1.0001,
        positions: [
          { symbol: 'A', quantity: 1e12 },
          { symbol: 'B', quantity: 1e-9 },
          { symbol: 'C', quantity: 1.123456789 },
        ],
      }),
      user: { ...validFile().user, annual_contribution: 0.001 },
    });
    expect(messages(error)).toEqual([
      'user.annual_contribution: must have at most 2 decimal places (a numeric(12, 2) column), got 0.001',
      'accounts.0.cash_balance: must be at most 9999999999.99 (the largest a numeric(12, 2) column holds)',
      'accounts.0.cash_interest: must be at most 1',
      'accounts.0.positions.0.quantity: must be at most 999999999999.99999999 (the largest a numeric(20, 8) column holds)',
      'accounts.0.positions.1.quantity: must be at least 0.00000001, the smallest amount a numeric(20, 8) column holds (1e-9 would be stored as 0)',
      'accounts.0.positions.2.quantity: must have at most 8 decimal places (a numeric(20, 8) column), got 1.123456789',
    ]);
  });

  it('refuses names PostgreSQL cannot store: a NUL, 256 characters, an unpaired surrogate', () => {
    const raw = validFile();
    const error = failure({
      ...raw,
      user: { ...raw.user, display_name: 'Ada\u0000Lovelace' },
      accounts: [
        { account_name: 'x'.repeat(256) },
        { account_name: 'broken \uD800 name' },
        { account_name: 'fine', account_purpose: 'nul \u0000 inside' },
      ],
    });
    expect(messages(error)).toEqual([
      'user.display_name: must not contain a NUL character (\\u0000)',
      'accounts.0.account_name: must have at most 255 characters, got 256',
      'accounts.1.account_name: must be valid Unicode (an unpaired surrogate was found)',
      'accounts.2.account_purpose: must not contain a NUL character (\\u0000)',
    ]);
  });

  it('counts characters as PostgreSQL does: 255 emoji fit a varchar(255)', () => {
    const file = PortfolioImportFile.parse(withAccount({ account_name: '😀'.repeat(255) }));
    expect(file.accounts[0]?.account_name).toHaveLength(510);
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

describe('InstrumentsFile', () => {
  const instrument = (symbol: string, extra: Record<string, unknown> = {}) => ({
    symbol,
    name: `${symbol} fund`,
    ...extra,
  });

  it('parses instruments, upper-casing symbols, at the largest price a numeric(12, 4) stores', () => {
    const file = InstrumentsFile.parse({
      instruments: [
        instrument('vti', { current_price: 99_999_999.9999, instrument_type: 'etf' }),
        instrument('BND'),
      ],
    });
    expect(file.instruments.map((i) => [i.symbol, i.current_price])).toEqual([
      ['VTI', 99_999_999.9999],
      ['BND', undefined],
    ]);
  });

  it('refuses two definitions of one symbol, naming both indexes', () => {
    const result = InstrumentsFile.safeParse({
      instruments: [instrument('spy'), instrument('QQQ'), instrument('SPY')],
    });
    expect(result.success).toBe(false);
    expect(result.error && messages(result.error)).toEqual([
      'instruments.2.symbol: duplicate symbol SPY in one file, also at instruments.0',
    ]);
  });

  it('refuses prices beyond the column, with five decimals, or zero', () => {
    const result = InstrumentsFile.safeParse({
      instruments: [
        instrument('A', { current_price: 100_000_000 }),
        instrument('B', { current_price: 1.00001 }),
        instrument('C', { current_price: 0 }),
        instrument('D', { name: 'x'.repeat(256) }),
      ],
    });
    expect(result.error && messages(result.error)).toEqual([
      'instruments.0.current_price: must be at most 99999999.9999 (the largest a numeric(12, 4) column holds)',
      'instruments.1.current_price: must have at most 4 decimal places (a numeric(12, 4) column), got 1.00001',
      'instruments.2.current_price: must be greater than 0',
      'instruments.3.name: must have at most 255 characters, got 256',
    ]);
  });
});
