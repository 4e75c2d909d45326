import type { AccountInput } from '@alex/database';

/** An account to write with `repos.portfolios.replaceAccounts`: no purpose, and no cash or interest unless given. */
export function account(
  accountName: string,
  positions: AccountInput['positions'],
  cash: { balance?: number; interest?: number } = {},
): AccountInput {
  return {
    accountName,
    accountPurpose: null,
    cashBalance: cash.balance ?? 0,
    cashInterest: cash.interest ?? 0,
    positions,
  };
}
