import type { PortfolioAnalytics } from '../analysis';
import type { Breakdown } from '../analysis/breakdown';
import { breakdownData, type CoveredChart, capWithRest, coverageOf, coveredChart } from './chart-data';
import { ASSET_CLASS_COLORS, type ChartColor, REGION_COLORS, SECTOR_COLORS } from './chart-style';

/** How many sectors are drawn before the rest are grouped. */
const TOP_SECTORS = 8;

/** A chart of one breakdown, saying what its coverage is measured against and what it leaves out. */
function breakdownChart<K extends string>(
  analytics: PortfolioAnalytics,
  key: 'asset_allocation' | 'geographic_exposure',
  breakdown: Breakdown<K>,
  colors: Readonly<Record<K, ChartColor>>,
  whole: { total: number; what: string; missing: string },
): CoveredChart | null {
  const coverage = coverageOf(breakdown.covers, whole.total, whole.what, whole.missing);
  return coveredChart(key, breakdownData(breakdown, colors), breakdown.covers, coverage, analytics);
}

/** Asset classes (cash included) as a pie covering the whole priced portfolio. */
export function assetAllocationChart(analytics: PortfolioAnalytics): CoveredChart | null {
  return breakdownChart(analytics, 'asset_allocation', analytics.assetClasses, ASSET_CLASS_COLORS, {
    total: analytics.valuation.total,
    what: 'the whole priced portfolio including cash',
    missing: 'holdings without an asset-class classification',
  });
}

/** Regions of the region-classified holdings as a donut. */
export function geographicExposureChart(analytics: PortfolioAnalytics): CoveredChart | null {
  return breakdownChart(analytics, 'geographic_exposure', analytics.regions, REGION_COLORS, {
    total: analytics.valuation.positionsValue,
    what: 'all priced holdings (cash has no region)',
    missing: 'holdings without a region classification',
  });
}

/** The largest sectors of the sector-classified holdings, the rest (and the "other" sector) grouped. */
export function sectorBreakdownChart(analytics: PortfolioAnalytics): CoveredChart | null {
  const { sectors, valuation } = analytics;
  const named = breakdownData(
    { ...sectors, entries: sectors.entries.filter((e) => e.key !== 'other') },
    SECTOR_COLORS,
  );
  const other = breakdownData(
    { ...sectors, entries: sectors.entries.filter((e) => e.key === 'other') },
    SECTOR_COLORS,
  );
  const coverage = coverageOf(
    sectors.covers,
    valuation.positionsValue,
    'all priced holdings (cash has no sector)',
    'holdings without a sector classification',
  );
  const data = capWithRest(named, TOP_SECTORS, 'Other sectors', other);
  return coveredChart('sector_breakdown', data, sectors.covers, coverage, analytics);
}

/** Cash against priced holdings, drawn only when the portfolio has both. */
export function cashVsInvestedChart(analytics: PortfolioAnalytics): CoveredChart | null {
  const { cash, positionsValue, total } = analytics.valuation;
  if (cash <= 0 || positionsValue <= 0) return null;
  const data = [
    { name: 'Invested', value: positionsValue, color: ASSET_CLASS_COLORS.equity },
    { name: 'Cash', value: cash, color: ASSET_CLASS_COLORS.cash },
  ];
  const coverage = coverageOf(total, total, 'the whole priced portfolio', '');
  return coveredChart('cash_vs_invested', data, total, coverage, analytics);
}
