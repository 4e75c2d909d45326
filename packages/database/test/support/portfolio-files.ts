import { PortfolioImportFile } from '@alex/contracts';
import type { Repositories } from '../../src';

/** One account of a portfolio import file, as its JSON spells it. */
export interface AccountSpec {
  account_name: string;
  cash_balance?: number;
  cash_interest?: number;
  positions: { symbol: string; quantity: number }[];
}

/** An account of an import file holding `[symbol, quantity]` pairs, as {@link holdingsOf} reads them back. */
export function account(
  name: string,
  positions: [symbol: string, quantity: number][],
  cash: Pick<AccountSpec, 'cash_balance' | 'cash_interest'> = {},
): AccountSpec {
  return {
    account_name: name,
    ...cash,
    positions: positions.map(([symbol, quantity]) => ({ symbol, quantity })),
  };
}

/** A valid portfolio import file for `clerkUserId`, with retirement goals and the given accounts. */
export function portfolioFile(clerkUserId: string, accounts: AccountSpec[]): PortfolioImportFile {
  return PortfolioImportFile.parse({
    user: {
      clerk_user_id: clerkUserId,
      display_name: `User ${clerkUserId}`,
      years_until_retirement: 30,
      target_retirement_income: 85000.5,
      current_age: 35,
      region_targets: { north_america: 60, international: 40 },
    },
    accounts,
  });
}

/** The user's accounts as loaded, each as [name, cash balance, [symbol, quantity] per position]. */
export async function holdingsOf(repos: Repositories, clerkUserId: string) {
  return (await repos.portfolios.load(clerkUserId))?.accounts.map((account) => [
    account.accountName,
    account.cashBalance,
    account.positions.map((p) => [p.symbol, p.quantity]),
  ]);
}
