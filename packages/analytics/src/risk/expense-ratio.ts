import type { Portfolio } from '@alex/contracts';
import type { PortfolioAnalytics } from '../analysis/analyse-portfolio';

/** The holdings' value-weighted expense ratio, over the holdings whose ratio is known, and what is unknown. */
export function portfolioExpenseRatio(
  portfolio: Portfolio,
  analytics: PortfolioAnalytics,
): { ratio: number; unknown: string[] } {
  const ratios = new Map<string, number | null>();
  for (const account of portfolio.accounts)
    for (const position of account.positions) ratios.set(position.symbol, position.instrument.expenseRatio);
  let known = 0;
  let weighted = 0;
  const unknown = new Set<string>();
  for (const account of analytics.valuation.accounts) {
    for (const position of account.positions) {
      if (position.value === null || position.value <= 0) continue;
      const ratio = ratios.get(position.symbol) ?? null;
      if (ratio === null) {
        unknown.add(position.symbol);
        continue;
      }
      known += position.value;
      weighted += position.value * ratio;
    }
  }
  return { ratio: known > 0 ? weighted / known : 0, unknown: [...unknown].sort() };
}
