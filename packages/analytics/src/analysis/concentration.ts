import { fromCents, percentOfCents } from '../money';
import { compareKeys } from './apportion';
import type { ValuedHolding } from './look-through';

/** One symbol's priced positions combined across accounts. */
export interface Holding {
  symbol: string;
  name: string;
  value: number;
  /** Percent of the total portfolio value (cash included), with one decimal, rounded once from cents. */
  percent: number;
}

/** How concentrated the priced holdings are, by symbol across accounts. */
export interface Concentration {
  /** Every priced symbol, largest value first, then by symbol. */
  holdings: Holding[];
  /** The largest holding's percent of total portfolio value (0 when there are none). */
  largestPercent: number;
  /** The five largest holdings' combined percent of total portfolio value. */
  top5Percent: number;
  /** Sum of squared weights of holdings within the priced holdings (0..1, four decimals; 1 = one holding). */
  herfindahl: number;
}

/** Combines priced positions by symbol and measures their concentration against the total portfolio value. */
export function measureConcentration(holdings: readonly ValuedHolding[], totalCents: number): Concentration {
  const bySymbol = new Map<string, { name: string; cents: number }>();
  for (const holding of holdings) {
    if (holding.valueCents === null) continue;
    const current = bySymbol.get(holding.symbol);
    if (current) current.cents += holding.valueCents;
    else bySymbol.set(holding.symbol, { name: holding.name, cents: holding.valueCents });
  }
  const ranked = [...bySymbol]
    .map(([symbol, { name, cents }]) => ({ symbol, name, cents }))
    .sort((a, b) => b.cents - a.cents || compareKeys(a.symbol, b.symbol));
  const investedCents = ranked.reduce((sum, holding) => sum + holding.cents, 0);
  const top5Cents = ranked.slice(0, 5).reduce((sum, holding) => sum + holding.cents, 0);
  const herfindahl =
    investedCents > 0 ? ranked.reduce((sum, { cents }) => sum + (cents / investedCents) ** 2, 0) : 0;
  return {
    holdings: ranked.map(({ symbol, name, cents }) => ({
      symbol,
      name,
      value: fromCents(cents),
      percent: percentOfCents(cents, totalCents),
    })),
    largestPercent: percentOfCents(ranked[0]?.cents ?? 0, totalCents),
    top5Percent: percentOfCents(top5Cents, totalCents),
    herfindahl: Math.round(herfindahl * 10_000) / 10_000,
  };
}
