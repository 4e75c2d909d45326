import { displayName, formatDollars, type PortfolioAnalytics } from '@alex/analytics';
import type { Portfolio } from '@alex/contracts';

function table(rows: { key: string; value: number; percent: number }[]): string[] {
  return [
    '| | Value | Share |',
    '|---|---:|---:|',
    ...rows.map(
      (row) => `| ${displayName(row.key)} | ${formatDollars(row.value)} | ${row.percent.toFixed(1)}% |`,
    ),
  ];
}

/** The computed facts about a portfolio as markdown: the model's only source of numbers, and the offline report's body. */
export function portfolioFacts(portfolio: Portfolio, analytics: PortfolioAnalytics): string {
  const { valuation, concentration, drift } = analytics;
  const { user } = portfolio;
  const lines = [
    `Total value ${formatDollars(valuation.total)}: holdings ${formatDollars(valuation.positionsValue)}, cash ${formatDollars(valuation.cash)}, across ${valuation.accounts.length} accounts.`,
    '',
    '### Asset classes',
    ...table(analytics.assetClasses.entries),
    '',
    `### Regions (covering ${formatDollars(analytics.regions.covers)} of classified holdings)`,
    ...table(analytics.regions.entries),
    '',
    '### Largest sectors',
    ...table(analytics.sectors.entries.slice(0, 6)),
    '',
    '### Largest holdings',
    ...concentration.holdings
      .slice(0, 5)
      .map(
        (h) =>
          `- ${h.symbol} (${h.name}): ${formatDollars(h.value)}, ${h.percent.toFixed(1)}% of the portfolio`,
      ),
    `- Largest single holding: ${concentration.largestPercent.toFixed(1)}% of the portfolio.`,
  ];
  if (drift.assetClass) {
    lines.push('', '### Drift from asset-class targets');
    for (const entry of drift.assetClass.entries) {
      lines.push(
        `- ${displayName(entry.key)}: target ${entry.targetPercent.toFixed(1)}%, actual ${entry.actualPercent.toFixed(1)}% (${entry.driftPercent >= 0 ? '+' : ''}${entry.driftPercent.toFixed(1)} points)`,
      );
    }
  }
  lines.push('', '### Retirement goals');
  lines.push(
    user.yearsUntilRetirement === null || user.targetRetirementIncome === null
      ? '- Not set.'
      : `- ${user.yearsUntilRetirement} years to retirement, target income ${formatDollars(user.targetRetirementIncome)} a year.`,
  );
  if (analytics.unpriced.length > 0 || analytics.unclassified.length > 0) {
    lines.push('', '### Data gaps');
    for (const p of analytics.unpriced)
      lines.push(`- ${p.symbol} in ${p.accountName} has no price and is not valued.`);
    for (const p of analytics.unclassified)
      lines.push(`- ${p.symbol} lacks ${p.missing.join(', ')} data and is left out of those breakdowns.`);
  }
  return lines.join('\n');
}
