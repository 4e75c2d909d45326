/** Charts that answer a question about each topic, in the order to lead with them. */
const CHARTS_BY_TOPIC: [RegExp, string[]][] = [
  [/\b(sector\w*|industr\w*|tech\w*)\b/i, ['sector_breakdown']],
  [
    /\b(region\w*|geograph\w*|international|domestic|countr\w*|emerging)\b/i,
    ['geographic_exposure', 'region_drift'],
  ],
  [
    /\b(allocat\w*|stocks? (vs|versus|and) bonds?|asset class\w*|mix|rebalanc\w*|drift\w*|target\w*)\b/i,
    ['asset_allocation', 'target_drift'],
  ],
  [/\b(concentrat\w*|holding\w*|largest|biggest|position\w*)\b/i, ['top_holdings']],
  [/\b(cash|idle|uninvested)\b/i, ['cash_vs_invested']],
  [/\b(account\w*)\b/i, ['account_breakdown']],
];

/** The charts a question is about, most specific first; none when it names no topic. */
export function chartsForQuestion(question: string | undefined): string[] {
  if (!question) return [];
  const charts = CHARTS_BY_TOPIC.flatMap(([pattern, keys]) => (pattern.test(question) ? keys : []));
  return [...new Set(charts)];
}
