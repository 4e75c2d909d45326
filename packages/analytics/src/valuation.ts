import type { Portfolio } from '@alex/contracts';
import { fromCents, toCents } from './money';

/** One position valued at its stored price; `value` is null when the instrument has no price. */
export interface PositionValuation {
  accountId: string;
  accountName: string;
  symbol: string;
  name: string;
  quantity: number;
  price: number | null;
  value: number | null;
}

/** One account's cash, priced positions and total. */
export interface AccountValuation {
  id: string;
  name: string;
  cash: number;
  positionsValue: number;
  total: number;
  positions: PositionValuation[];
}

/** A whole portfolio's value; positions without a price are listed in `unpriced` and left out of totals. */
export interface PortfolioValuation {
  clerkUserId: string;
  total: number;
  cash: number;
  positionsValue: number;
  accounts: AccountValuation[];
  unpriced: PositionValuation[];
}

/** Values a portfolio at stored prices, summing in whole cents so totals reconcile exactly. */
export function valuePortfolio(portfolio: Portfolio): PortfolioValuation {
  let cashCents = 0;
  let positionsCents = 0;
  const unpriced: PositionValuation[] = [];
  const accounts = portfolio.accounts.map((account): AccountValuation => {
    let accountPositionsCents = 0;
    const positions = account.positions.map((position): PositionValuation => {
      const price = position.instrument.currentPrice;
      const valueCents = price === null ? null : toCents(position.quantity * price);
      if (valueCents !== null) accountPositionsCents += valueCents;
      return {
        accountId: account.id,
        accountName: account.accountName,
        symbol: position.symbol,
        name: position.instrument.name,
        quantity: position.quantity,
        price,
        value: valueCents === null ? null : fromCents(valueCents),
      };
    });
    unpriced.push(...positions.filter((position) => position.price === null));
    const accountCashCents = toCents(account.cashBalance);
    cashCents += accountCashCents;
    positionsCents += accountPositionsCents;
    return {
      id: account.id,
      name: account.accountName,
      cash: fromCents(accountCashCents),
      positionsValue: fromCents(accountPositionsCents),
      total: fromCents(accountCashCents + accountPositionsCents),
      positions,
    };
  });
  return {
    clerkUserId: portfolio.user.clerkUserId,
    total: fromCents(cashCents + positionsCents),
    cash: fromCents(cashCents),
    positionsValue: fromCents(positionsCents),
    accounts,
    unpriced,
  };
}
