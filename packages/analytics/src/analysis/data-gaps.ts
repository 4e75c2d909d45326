import { cleanUntrustedText, type DataGap } from '@alex/contracts';
import { formatDollars } from '../charts/chart-style';
import { fromCents, MAX_VALUED_CENTS, toCents } from '../money';
import type { PortfolioAnalytics } from './analyse-portfolio';
import type { ClassificationDimension } from './look-through';

const DIMENSION_NAMES: Record<ClassificationDimension, string> = {
  assetClass: 'asset class',
  region: 'region',
  sector: 'sector',
};

const unique = (symbols: string[]) => [...new Set(symbols)].sort();

/** Most items a gap's sentence names; the rest are counted ("and 130 more"), and all are in `symbols`. */
const NAMED_IN_DETAIL = 20;

function listWords(words: string[]): string {
  if (words.length > NAMED_IN_DETAIL)
    return `${words.slice(0, NAMED_IN_DETAIL).join(', ')} and ${words.length - NAMED_IN_DETAIL} more`;
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function unpricedGap(analytics: PortfolioAnalytics): DataGap | null {
  const { unpriced } = analytics;
  if (unpriced.length === 0) return null;
  const where = unpriced.map(
    (p) => `${p.symbol} (${p.quantity} units in ${JSON.stringify(cleanUntrustedText(p.accountName, 60))})`,
  );
  return {
    kind: 'unpriced',
    symbols: unique(unpriced.map((p) => p.symbol)),
    detail: `${unpriced.length === 1 ? 'One holding has' : `${unpriced.length} holdings have`} no price and ${unpriced.length === 1 ? 'is' : 'are'} not valued: ${listWords(where)}. The totals, shares and charts leave ${unpriced.length === 1 ? 'it' : 'them'} out, so the portfolio is worth more than shown.`,
    value_left_out: null,
  };
}

function outOfRangeGap(analytics: PortfolioAnalytics): DataGap | null {
  const { outOfRange } = analytics.valuation;
  if (outOfRange.length === 0) return null;
  const symbols = unique(outOfRange.map((p) => p.symbol));
  return {
    kind: 'value_out_of_range',
    symbols,
    detail: `${listWords(symbols)} ${symbols.length === 1 ? 'is' : 'are'} worth more than the ${formatDollars(fromCents(MAX_VALUED_CENTS))} the analysis can add up exactly, so ${symbols.length === 1 ? 'it is' : 'they are'} not valued; check the quantity and price.`,
    value_left_out: null,
  };
}

function unclassifiedGap(analytics: PortfolioAnalytics): DataGap | null {
  const { unclassified } = analytics;
  if (unclassified.length === 0) return null;
  const cents = unclassified.reduce((sum, p) => sum + (p.value === null ? 0 : toCents(p.value)), 0);
  const missing = [...new Set(unclassified.flatMap((p) => p.missing))].map((d) => DIMENSION_NAMES[d]);
  const symbols = unique(unclassified.map((p) => p.symbol));
  return {
    kind: 'unclassified',
    symbols,
    detail: `${listWords(symbols)} ${symbols.length === 1 ? 'has' : 'have'} no ${listWords(missing)} breakdown yet${cents > 0 ? ` (${formatDollars(fromCents(cents))} of holdings)` : ''}, so the ${listWords(missing)} breakdowns leave ${symbols.length === 1 ? 'it' : 'them'} out.`,
    value_left_out: fromCents(cents),
  };
}

/**
 * What the computed figures leave out, one gap per kind, in words a person reads: holdings without a price
 * (not valued at all), holdings too large to add up exactly, and holdings without allocation data (left out of
 * the breakdowns they lack).
 */
export function dataGaps(analytics: PortfolioAnalytics): DataGap[] {
  return [unpricedGap(analytics), outOfRangeGap(analytics), unclassifiedGap(analytics)].filter(
    (gap): gap is DataGap => gap !== null,
  );
}
