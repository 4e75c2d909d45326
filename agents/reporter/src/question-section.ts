import { displayName, formatDollars, type PortfolioAnalytics } from '@alex/analytics';
import { cleanUntrustedText, MAX_QUESTION_LENGTH, type RetirementPayload } from '@alex/contracts';
import { retirementFigures } from './retirement-figures';

/** The heading of the section that answers the person's question; the model's report must have it too. */
export const QUESTION_HEADING = '## Your question';

/**
 * The person's question as one inert blockquote line: cleaned to a single line, HTML characters as entities
 * and every markdown mark that could start a link, emphasis, code or autolink escaped; the opening quote
 * mark keeps any `#`, `-` or `>` from starting a block.
 */
function quotedQuestion(question: string): string {
  const text = cleanUntrustedText(question, MAX_QUESTION_LENGTH)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]()#+\-!|~{}:]/g, '\\$&');
  return `> “${text}”`;
}

/** The figures a question is answered with: each what-if against the plan, else the headline figures. */
function figuresForQuestion(analytics: PortfolioAnalytics, retirement: RetirementPayload | null): string[] {
  const figures = retirement ? retirementFigures(retirement) : null;
  if (figures && figures.scenarios.length > 0)
    return [...figures.scenarios, figures.baseline, ...figures.solves];
  const mix = analytics.assetClasses.entries
    .map((entry) => `${displayName(entry.key)} ${entry.percent.toFixed(1)}%`)
    .join(', ');
  return [
    `Total value ${formatDollars(analytics.valuation.total)}.`,
    ...(mix ? [`Asset classes: ${mix}.`] : []),
    ...(figures ? [figures.baseline, ...figures.solves] : []),
  ];
}

/**
 * The question section of a report written without a model: the question quoted, then the computed figures
 * that bear on it (each what-if against the plan, or the headline figures when there are none).
 */
export function offlineQuestionSection(
  question: string,
  analytics: PortfolioAnalytics,
  retirement: RetirementPayload | null,
): string {
  return [
    QUESTION_HEADING,
    '',
    quotedQuestion(question),
    '',
    'Written without a language model; the figures that bear on it:',
    '',
    ...figuresForQuestion(analytics, retirement).map((line) => `- ${line}`),
  ].join('\n');
}

/**
 * Puts the quoted question under the question heading of a model's report, so the person's text reaches the
 * report only through `quotedQuestion`. Throws when the report does not open with that section (the first
 * level-2 heading), which makes the model step retry or fall back to the offline report.
 */
export function withQuotedQuestion(report: string, question: string): string {
  const lines = report.split('\n');
  const at = lines.findIndex((line) => /^##\s/.test(line));
  if (at === -1 || lines[at]?.trim() !== QUESTION_HEADING)
    throw new Error(`report does not open with a "${QUESTION_HEADING}" section`);
  return [...lines.slice(0, at + 1), '', quotedQuestion(question), ...lines.slice(at + 1)].join('\n');
}
