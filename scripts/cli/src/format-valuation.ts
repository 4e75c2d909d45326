import type { PortfolioValuation, PositionValuation } from '@alex/analytics';
import { cleanUntrustedText } from '@alex/contracts';

// Names come from users: escape sequences, newlines and bidirectional overrides never reach the terminal.
const safe = (text: string) => cleanUntrustedText(text, 120);

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Formats dollars for a terminal, e.g. $99,437.50. */
function formatUsd(value: number): string {
  return usd.format(value);
}

/** Renders a valuation as a plain-text table. */
export function formatValuation(valuation: PortfolioValuation, displayName: string | null): string {
  const lines = [
    `Portfolio of ${safe(displayName ?? valuation.clerkUserId)} (${safe(valuation.clerkUserId)})`,
    '',
  ];
  for (const account of valuation.accounts) {
    lines.push(`${safe(account.name)}  ${formatUsd(account.total)}  (cash ${formatUsd(account.cash)})`);
    for (const p of account.positions) {
      const price = p.price === null ? 'no price' : formatUsd(p.price);
      const value = p.value === null ? '—' : formatUsd(p.value);
      lines.push(
        `  ${p.symbol.padEnd(8)} ${String(p.quantity).padStart(12)} × ${price.padStart(12)} = ${value.padStart(14)}`,
      );
    }
  }
  lines.push('', `Positions ${formatUsd(valuation.positionsValue)}  Cash ${formatUsd(valuation.cash)}`);
  lines.push(`Total ${formatUsd(valuation.total)}`);
  if (valuation.unpriced.length > 0) {
    const symbols = valuation.unpriced.map((p) => `${p.symbol} (${safe(p.accountName)})`).join(', ');
    lines.push(`Not valued, no price yet: ${symbols}`);
  }
  return lines.join('\n');
}

function positionJson(p: PositionValuation) {
  return {
    symbol: p.symbol,
    name: p.name,
    account_name: p.accountName,
    quantity: p.quantity,
    price: p.price,
    value: p.value,
  };
}

/** The valuation as the CLI's JSON document (snake_case, like the database). */
export function valuationJson(valuation: PortfolioValuation, displayName: string | null) {
  return {
    clerk_user_id: valuation.clerkUserId,
    display_name: displayName,
    total: valuation.total,
    cash: valuation.cash,
    positions_value: valuation.positionsValue,
    accounts: valuation.accounts.map((account) => ({
      id: account.id,
      account_name: account.name,
      cash: account.cash,
      positions_value: account.positionsValue,
      total: account.total,
      positions: account.positions.map(positionJson),
    })),
    unpriced_positions: valuation.unpriced.map(positionJson),
  };
}
