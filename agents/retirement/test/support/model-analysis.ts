/** The sections of a model analysis for the seeded test_user_001, every figure taken from its facts. */
const SECTIONS = {
  Readiness:
    'Spending $100,000.00 a year from age 65 to age 95 on a start of $99,437.50 is out of reach in most simulated markets.',
  Assumptions: 'The answer depends on the method and on fees of 0.12% a year, more than on simulation noise.',
  Risks:
    'Poor returns early in retirement, persistent inflation and a long life all shorten how long the money lasts.',
  'Spending Strategies':
    'Spending a fixed real amount runs out soonest; spending a share of the balance never runs out but varies.',
  Actions: [
    '- Save more than $10,000.00 a year.',
    '- Plan for less than $100,000.00 a year.',
    '- Consider retiring later than age 65.',
  ].join('\n'),
};

/** A model analysis that passes the checks, or one changed by `edit` (a section left out, a figure invented). */
export function modelAnalysis(edit: { omit?: keyof typeof SECTIONS; add?: string } = {}): string {
  return [
    '# Retirement outlook',
    ...Object.entries(SECTIONS)
      .filter(([title]) => title !== edit.omit)
      .map(([title, body]) => `\n## ${title}\n${body}`),
    ...(edit.add ? [`\n${edit.add}`] : []),
  ].join('\n');
}
