import type { PortfolioAnalytics } from '../analysis';
import { breakdownData, type CoveredChart, capWithRest, coverageOf, coveredChart } from './chart-data';
import { ASSET_CLASS_COLORS, REGION_COLORS, SECTOR_COLORS } from './chart-style';

/** How many sectors are drawn before the rest are grouped. */
const TOP_SECTORS = 8;

/** Asset classes (cash included) as a pie covering the whole priced portfolio. */
export function assetAllocationChart(analytics: PortfolioAnalytics): CoveredChart | null {
  const { assetClasses, valuation } = analytics;
  const coverage = coverageOf(
    assetClasses.covers,
    valuation.total,
    'the whole priced portfolio including cash',
    'holdings without an asset-class classification',
  );
  const data = breakdownData(assetClasses, ASSET_CLASS_COLORS);
  return coveredChart('asset_allocation', data, assetClasses.covers, coverage, analytics);
}

/** Regions of the region-classified holdings as a donut. */
export function geographicExposureChart(analytics: PortfolioAnalytics): CoveredChart | null {
  const { regions, valuation } = analytics;
  const coverage = coverageOf(
    regions.covers,
    valuation.positionsValue,
    'all priced holdings (cash has no region)',
    'holdings without a region classification',
  );
  const data = breakdownData(regions, REGION_COLORS);
  return coveredChart('geographic_exposure', data, regions.covers, coverage, analytics);
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
