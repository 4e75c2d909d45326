import type { Chart, ChartDatum } from '@alex/contracts';
import type { Breakdown, PortfolioAnalytics } from '../analysis';
import { fromCents, toCents } from '../money';
import { CHART_CATALOG, type ChartKey } from './chart-catalog';
import { type ChartColor, displayName, distinctColors, formatDollars, OTHER_COLOR } from './chart-style';

/** A computed chart with the dollar value its data must add up to. */
export interface CoveredChart {
  chart: Chart;
  covers: number;
}

/** Builds a chart with its catalog title and type, or null when no datum has a value to draw. */
export function coveredChart(
  key: ChartKey,
  data: ChartDatum[],
  covers: number,
  coverage: string,
  analytics: PortfolioAnalytics,
): CoveredChart | null {
  if (!data.some((datum) => datum.value !== 0)) return null;
  const { title, type, description } = CHART_CATALOG[key];
  const parts = [description, coverage, unpricedNote(analytics)].filter((part) => part.length > 0);
  return { chart: { title, type, description: parts.join(' '), data: distinctColors(data) }, covers };
}

/** One datum per non-zero breakdown entry, named for display and coloured by key. */
export function breakdownData<K extends string>(
  breakdown: Breakdown<K>,
  colors: Readonly<Record<K, ChartColor>>,
): ChartDatum[] {
  return breakdown.entries
    .filter((entry) => entry.value > 0)
    .map((entry) => ({ name: displayName(entry.key), value: entry.value, color: colors[entry.key] }));
}

/** Keeps the first `limit` data and sums every datum after them (plus `extra`) into one grey `restName` datum. */
export function capWithRest(
  data: ChartDatum[],
  limit: number,
  restName: string,
  extra: readonly ChartDatum[] = [],
): ChartDatum[] {
  const rest = [...data.slice(limit), ...extra];
  const restCents = rest.reduce((sum, datum) => sum + toCents(datum.value), 0);
  const kept = data.slice(0, limit);
  return restCents > 0
    ? [...kept, { name: restName, value: fromCents(restCents), color: OTHER_COLOR }]
    : kept;
}

/** Names each account for display, numbering repeats: "Roth IRA", "Roth IRA (2)". */
export function uniqueNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let unique = name;
    for (let n = 2; used.has(unique); n++) unique = `${name} (${n})`;
    used.add(unique);
    return unique;
  });
}

/** "Covers $X of the $Y portfolio; $Z ... is left out." or "Covers $X, the whole ..." */
export function coverageOf(covers: number, whole: number, wholeLabel: string, leftOut: string): string {
  const missingCents = toCents(whole) - toCents(covers);
  if (missingCents <= 0) return `Covers ${formatDollars(covers)}, ${wholeLabel}.`;
  return `Covers ${formatDollars(covers)} of ${formatDollars(whole)}; ${formatDollars(fromCents(missingCents))} in ${leftOut} is left out.`;
}

function unpricedNote({ unpriced }: PortfolioAnalytics): string {
  if (unpriced.length === 0) return '';
  const symbols = [...new Set(unpriced.map((position) => position.symbol))];
  const listed =
    symbols.length > 5
      ? `${symbols.slice(0, 5).join(', ')} and ${symbols.length - 5} more`
      : symbols.join(', ');
  const count = unpriced.length === 1 ? '1 holding' : `${unpriced.length} holdings`;
  return `${count} without a price (${listed}) ${unpriced.length === 1 ? 'is' : 'are'} not valued.`;
}
