import { dataGaps, displayName, formatDollars, type PortfolioAnalytics } from '@alex/analytics';
import { type Portfolio, quoteUntrusted } from '@alex/contracts';
import { priceDateLine } from './price-date';
import { currentRisk, type MixRisk, riskFacts } from './risk-facts';

/** Said instead of drift when the person set no targets (the stored ones are defaults, not theirs). */
const NO_TARGETS = 'No target allocation set; drift is not measured.';

/** A markdown section with a share table, or nothing when it has no rows: no header-only tables. */
function tableSection(heading: string, rows: { key: string; value: number; percent: number }[]): string[] {
  if (rows.length === 0) return [];
  return [
    '',
    heading,
    '| | Value | Share |',
    '|---|---:|---:|',
    ...rows.map(
      (row) => `| ${displayName(row.key)} | ${formatDollars(row.value)} | ${row.percent.toFixed(1)}% |`,
    ),
  ];
}

function holdingLines({ concentration }: PortfolioAnalytics): string[] {
  if (concentration.holdings.length === 0) return [];
  return [
    '',
    '### Largest holdings',
    ...concentration.holdings
      .slice(0, 5)
      .map(
        (h) =>
          `- ${h.symbol} (${quoteUntrusted(h.name)}): ${formatDollars(h.value)}, ${h.percent.toFixed(1)}% of the portfolio`,
      ),
    `- Largest single holding: ${concentration.largestPercent.toFixed(1)}% of the portfolio.`,
  ];
}

/**
 * The computed facts about a portfolio as markdown: the model's only source of numbers, and the offline
 * report's body. Names come from users and data providers, so they appear only quoted.
 */
export function portfolioFacts(
  portfolio: Portfolio,
  analytics: PortfolioAnalytics,
  mix: MixRisk | null = currentRisk(portfolio, analytics),
): string {
  const { valuation, drift } = analytics;
  const { user } = portfolio;
  const lines = [
    `Total value ${formatDollars(valuation.total)}: holdings ${formatDollars(valuation.positionsValue)}, cash ${formatDollars(valuation.cash)}, across ${valuation.accounts.length === 1 ? '1 account' : `${valuation.accounts.length} accounts`}.`,
    ...[priceDateLine(portfolio)].flatMap((line) => line ?? []),
    ...(valuation.total > 0
      ? []
      : ['Nothing is valued yet, so there are no shares, drift or risk figures to show.']),
    ...tableSection('### Asset classes', analytics.assetClasses.entries),
    ...tableSection(
      `### Regions (covering ${formatDollars(analytics.regions.covers)} of classified holdings)`,
      analytics.regions.entries,
    ),
    ...tableSection('### Largest sectors', analytics.sectors.entries.slice(0, 6)),
    ...holdingLines(analytics),
  ];
  if (!user.targetsSet) {
    lines.push('', '### Drift from targets', `- ${NO_TARGETS}`);
  } else if (drift.assetClass) {
    lines.push('', '### Drift from asset-class targets');
    for (const entry of drift.assetClass.entries) {
      lines.push(
        `- ${displayName(entry.key)}: target ${entry.targetPercent.toFixed(1)}%, actual ${entry.actualPercent.toFixed(1)}% (${entry.driftPercent >= 0 ? '+' : ''}${entry.driftPercent.toFixed(1)} points)`,
      );
    }
  }
  const risk = riskFacts(mix);
  if (risk.length > 0) lines.push('', ...risk);
  lines.push('', '### Retirement goals');
  lines.push(
    user.yearsUntilRetirement === null || user.targetRetirementIncome === null
      ? '- Not set.'
      : `- ${user.yearsUntilRetirement} years to retirement, target income ${formatDollars(user.targetRetirementIncome)} a year.`,
  );
  const gaps = dataGaps(analytics);
  if (gaps.length > 0) {
    lines.push('', '### Data gaps (the figures above leave these out)');
    for (const gap of gaps) lines.push(`- ${gap.detail}`);
  }
  return lines.join('\n');
}
