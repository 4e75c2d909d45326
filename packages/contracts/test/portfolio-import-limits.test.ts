import { describe, expect, it } from 'vitest';
import { PortfolioImportFile } from '../src';
import { failure, messages, validFile } from './support/import-files';

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
