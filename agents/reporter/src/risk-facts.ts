import {
  formatDollars,
  type PortfolioAnalytics,
  type PortfolioRisk,
  portfolioExpenseRatio,
  portfolioRisk,
} from '@alex/analytics';
import type { Portfolio } from '@alex/contracts';

const pct = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;
const signed = (fraction: number) => `${fraction >= 0 ? '+' : ''}${pct(fraction)}`;

/** The current mix's risk and cost, and the holdings whose expense ratio is unknown. */
export interface MixRisk {
  risk: PortfolioRisk;
  unknownExpenseRatios: string[];
}

/** The current mix's risk and cost from US market history, or null when nothing is classified. */
export function currentRisk(portfolio: Portfolio, analytics: PortfolioAnalytics): MixRisk | null {
  const { assetClasses } = analytics;
  if (assetClasses.covers <= 0) return null;
  const weights = Object.fromEntries(
    assetClasses.entries.map((entry) => [entry.key, entry.value / assetClasses.covers]),
  );
  const fees = portfolioExpenseRatio(portfolio, analytics);
  const risk = portfolioRisk(weights, {
    fees: { expenseRatio: fees.ratio, value: analytics.valuation.positionsValue },
  });
  return { risk, unknownExpenseRatios: fees.unknown };
}

/**
 * Risk and cost facts for the current mix (real returns, rebalanced yearly), or none when nothing is
 * classified: the model's only source for risk figures, and part of the offline report.
 */
export function riskFacts(mix: MixRisk | null): string[] {
  if (mix === null) return [];
  const { risk, unknownExpenseRatios: unknown } = mix;
  const drawdown = risk.max_drawdown;
  const riskless = Object.keys(risk.mapping).filter((key) => key === 'cash' || key === 'commodities');
  return [
    `### Risk and cost of this mix (US market history ${risk.data.first_year}-${risk.data.last_year}, after inflation, rebalanced yearly)`,
    `- Volatility: ${pct(risk.full_history.volatility)} a year (${pct(risk.since_1926?.volatility ?? risk.full_history.volatility)} since 1926); average real return ${pct(risk.full_history.mean_real_return)} a year.`,
    `- Worst year: ${risk.worst_year.year}, ${signed(risk.worst_year.real_return)}; best year: ${risk.best_year.year}, ${signed(risk.best_year.real_return)}.`,
    drawdown
      ? `- Largest fall: ${signed(drawdown.drawdown)} from ${drawdown.peak_year} to ${drawdown.trough_year}, ${drawdown.recovery_year === null ? 'not recovered by the end of the data' : `back to its peak by ${drawdown.recovery_year}`}.`
      : '- Largest fall: none in the data.',
    `- In stress periods: ${risk.stress_periods.map((period) => `${period.id} (${period.name}) ${signed(period.real_return)}`).join('; ')}.`,
    `- Fund costs: expense ratio ${((risk.cost?.expense_ratio ?? 0) * 100).toFixed(2)}% a year, about ${formatDollars(risk.cost?.annual_cost ?? 0)} a year on ${formatDollars(risk.cost?.value ?? 0)} of holdings${unknown.length > 0 ? ` (unknown for ${unknown.join(', ')}, counted at the others' average)` : ''}.`,
    ...(riskless.length > 0
      ? [
          `- History has no series for ${riskless.join(' and ')}: they follow inflation exactly here, which understates their risk.`,
        ]
      : []),
  ];
}
