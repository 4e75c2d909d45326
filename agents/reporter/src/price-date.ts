import type { Portfolio } from '@alex/contracts';

const LISTED = 5;

function list(items: readonly string[]): string {
  const shown = items.slice(0, LISTED).join(', ');
  return items.length > LISTED ? `${shown} and ${items.length - LISTED} more` : shown;
}

/**
 * The sentence saying which date the report's prices are from (the trading date stored with each price),
 * naming the holdings whose price is older or has no recorded date; null when nothing held has a price.
 */
export function priceDateLine(portfolio: Portfolio): string | null {
  const dates = new Map<string, string | null>();
  for (const account of portfolio.accounts) {
    for (const { symbol, instrument } of account.positions) {
      if (instrument.currentPrice !== null) dates.set(symbol, instrument.priceAsOf ?? null);
    }
  }
  if (dates.size === 0) return null;
  const dated = [...dates].filter((entry): entry is [string, string] => entry[1] !== null);
  const undated = [...dates].filter(([, date]) => date === null).map(([symbol]) => symbol);
  if (dated.length === 0) return 'Prices: no date is recorded for the stored prices used here.';
  const newest =
    dated
      .map(([, date]) => date)
      .sort()
      .at(-1) ?? '';
  const older = dated.filter(([, date]) => date < newest).map(([symbol, date]) => `${symbol} (${date})`);
  const except = older.length > 0 ? `, except ${list(older)}` : '';
  const unknown = undated.length > 0 ? `; no date is recorded for the price of ${list(undated)}` : '';
  return `Prices are as of ${newest}${except}${unknown}.`;
}
