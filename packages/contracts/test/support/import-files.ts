import type { z } from 'zod';
import { PortfolioImportFile } from '../../src';

/** A valid portfolio import file, fresh on every call. */
export function validFile() {
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
export function issuePaths(error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${path}.${key}: ${issue.code}`);
    return [`${path}: ${issue.code}`];
  });
}

/** The error of a file the schema must reject. */
export function failure(raw: unknown): z.ZodError {
  const result = PortfolioImportFile.safeParse(raw);
  if (result.success) throw new Error('expected the file to be rejected');
  return result.error;
}

/** Every issue as "path: message". */
export function messages(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}
