import { REPORT_SECTIONS } from '../../src/prompts';

/** The sections of a model report for the seeded test_user_001, every figure taken from its computed facts. */
const SECTIONS = {
  'Executive Summary': [
    '- The portfolio is worth $99,437.50 across 3 accounts.',
    '- Equity is 72% of it, and SPY alone is 45.3%.',
    '- Fixed income is 15.4 points below its 30.0% target.',
  ].join('\n'),
  'Portfolio Composition':
    'Holdings of $90,937.50 and cash of $8,500.00: equity $71,545.00, fixed income $14,500.00, cash 8.5% and commodities 4.9%.',
  'Diversification and Risk':
    'North America is 86.7% of classified holdings and technology 25.3%; the five largest holdings are broad index funds.',
  'Retirement Readiness':
    'With 25 years to retirement and a target income of $100,000.00 a year, these facts give no success rate, so none is stated here.',
  Recommendations: [
    '1. Move toward the 30.0% fixed income target.',
    '2. Put the $8,500.00 of cash to work.',
  ].join('\n'),
  'Market Context': 'Bond prices fall when rates rise, which matters for the 14.6% in fixed income.',
};

/** A model report that passes the checks, or one changed by `edit` (a section left out, a figure invented). */
export function modelReport(
  edit: { omit?: keyof typeof SECTIONS; add?: string; title?: string } = {},
): string {
  return [
    `# ${edit.title ?? 'Portfolio review'}`,
    ...Object.entries(SECTIONS)
      .filter(([title]) => title !== edit.omit)
      .map(([title, body]) => `\n## ${title}\n${body}`),
    ...(edit.add ? [`\n${edit.add}`] : []),
  ].join('\n');
}

/** A model report with every section and no figure at all: passes the checks for any portfolio. */
export function reportInWords(title = 'Your portfolio'): string {
  const body = 'Steady, diversified and mostly in index funds, as the computed facts show in detail. ';
  return [`# ${title}`, ...REPORT_SECTIONS.map((section) => `\n## ${section}\n${body.repeat(2)}`)].join('\n');
}
