import type { Drift, PortfolioAnalytics } from '../analysis';
import type { ChartKey } from './chart-catalog';
import { type CoveredChart, coveredChart } from './chart-data';
import {
  ASSET_CLASS_COLORS,
  type ChartColor,
  displayName,
  formatDollars,
  REGION_COLORS,
} from './chart-style';

/** Dollar drift from the asset-class targets as bars that sum to zero; null without targets. */
export function targetDriftChart(analytics: PortfolioAnalytics): CoveredChart | null {
  const drift = analytics.drift.assetClass;
  if (!drift) return null;
  return driftChart('target_drift', drift, ASSET_CLASS_COLORS, 'the whole priced portfolio', analytics);
}

/** Dollar drift from the regional targets as bars that sum to zero; null without targets. */
export function regionDriftChart(analytics: PortfolioAnalytics): CoveredChart | null {
  const drift = analytics.drift.region;
  if (!drift) return null;
  return driftChart('region_drift', drift, REGION_COLORS, 'region-classified holdings', analytics);
}

function driftChart<K extends string>(
  key: ChartKey,
  drift: Drift<K>,
  colors: Readonly<Record<K, ChartColor>>,
  baseLabel: string,
  analytics: PortfolioAnalytics,
): CoveredChart | null {
  const data = drift.entries.map((entry) => ({
    name: displayName(entry.key),
    value: entry.driftValue,
    color: colors[entry.key],
  }));
  // Every dollar over one target is a dollar under another, so the bars cover a net $0.00.
  const folded = drift.foldedInto
    ? ` Regions the targets do not name count toward ${displayName(drift.foldedInto)}.`
    : '';
  const coverage = `Measured against ${formatDollars(drift.base)} of ${baseLabel}; the bars sum to $0.00.${folded}`;
  return coveredChart(key, data, 0, coverage, analytics);
}
