import { displayName, formatDollars, type PortfolioAnalytics } from '@alex/analytics';
import { cleanUntrustedText, type Portfolio } from '@alex/contracts';
import type { Insight } from '@alex/runtime';
import { portfolioFacts } from './portfolio-facts';
import { offlineQuestionSection } from './question-section';
import type { ReportFocus } from './report-focus';
import { retirementFigures } from './retirement-figures';
import { currentRisk, type MixRisk } from './risk-facts';

function observations(portfolio: Portfolio, analytics: PortfolioAnalytics): string[] {
  const notes: string[] = [];
  const top = analytics.concentration.holdings[0];
  if (top && top.percent >= 25)
    notes.push(`${top.symbol} alone is ${top.percent.toFixed(1)}% of the portfolio.`);
  const cash = analytics.assetClasses.entries.find((e) => e.key === 'cash');
  if (cash && cash.percent >= 10) notes.push(`Cash is ${cash.percent.toFixed(1)}% of the portfolio.`);
  for (const entry of analytics.drift.assetClass?.entries ?? []) {
    if (Math.abs(entry.driftPercent) >= 5) {
      const direction = entry.driftPercent > 0 ? 'above' : 'below';
      notes.push(
        `${displayName(entry.key)} is ${Math.abs(entry.driftPercent).toFixed(1)} points ${direction} its target (${formatDollars(Math.abs(entry.driftValue))} to move).`,
      );
    }
  }
  if (notes.length > 0) return notes;
  return portfolio.user.targetsSet
    ? ['No holding, cash balance or target drift stands out in the computed figures.']
    : ['No holding or cash balance stands out in the computed figures.'];
}

/** The retirement agent's headline figures, when it ran first and no question section already gives them. */
function retirementSection(focus: Pick<ReportFocus, 'question' | 'retirement'>): string[] {
  if (focus.retirement === null || focus.question !== null) return [];
  const { baseline, scenarios, solves } = retirementFigures(focus.retirement);
  return ['', '## Retirement readiness', ...[baseline, ...scenarios, ...solves].map((line) => `- ${line}`)];
}

/**
 * The report written without a model: the question's section when there is a question (its figures picked
 * by rule), then the computed facts, simple observations and the retrieved notes.
 */
export function offlineReport(
  portfolio: Portfolio,
  analytics: PortfolioAnalytics,
  insights: Insight[],
  focus: Pick<ReportFocus, 'question' | 'retirement'> = { question: null, retirement: null },
  mix: MixRisk | null = currentRisk(portfolio, analytics),
): string {
  return [
    `# Portfolio analysis for ${cleanUntrustedText(portfolio.user.displayName ?? portfolio.user.clerkUserId, 80)}`,
    '',
    ...(focus.question === null
      ? []
      : [offlineQuestionSection(focus.question, analytics, focus.retirement), '']),
    '> Written without a language model: every figure below is computed from your holdings; no commentary was generated.',
    '',
    '## Observations',
    ...observations(portfolio, analytics).map((line) => `- ${line}`),
    '',
    '## Portfolio composition',
    portfolioFacts(portfolio, analytics, mix),
    ...retirementSection(focus),
    '',
    '## Market context',
    ...(insights.length > 0
      ? insights.map(
          (insight) =>
            `- **${cleanUntrustedText(insight.title, 120)}.** ${cleanUntrustedText(insight.text, 1500)}`,
        )
      : ['- No market notes matched these holdings.']),
  ].join('\n');
}
