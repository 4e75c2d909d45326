import type { ChartType } from '@alex/contracts';

/** Every chart the charter can compute, in the order they are emitted. */
export const CHART_KEYS = [
  'asset_allocation',
  'geographic_exposure',
  'sector_breakdown',
  'account_breakdown',
  'top_holdings',
  'cash_vs_invested',
  'target_drift',
  'region_drift',
] as const;

/** The key of a chart the charter can compute. */
export type ChartKey = (typeof CHART_KEYS)[number];

/** A computed chart's default title, type and what it shows (its description adds what it covers). */
export interface ChartCatalogEntry {
  title: string;
  type: ChartType;
  description: string;
}

/** Default titles, types and descriptions of the computable charts; the model may only retitle and reorder. */
export const CHART_CATALOG: Readonly<Record<ChartKey, ChartCatalogEntry>> = {
  asset_allocation: {
    title: 'Asset Allocation',
    type: 'pie',
    description:
      'Portfolio value by asset class, looking through each fund to what it holds; cash balances count as cash.',
  },
  geographic_exposure: {
    title: 'Geographic Exposure',
    type: 'donut',
    description: 'Value of the classified holdings by region, looking through each fund.',
  },
  sector_breakdown: {
    title: 'Sector Breakdown',
    type: 'horizontalBar',
    description: 'Value of the classified holdings by sector: the eight largest sectors, the rest grouped.',
  },
  account_breakdown: {
    title: 'Value by Account',
    type: 'bar',
    description: "Each account's cash plus its priced holdings.",
  },
  top_holdings: {
    title: 'Top Holdings',
    type: 'horizontalBar',
    description: 'The ten largest holdings, each combined across accounts, the rest grouped.',
  },
  cash_vs_invested: {
    title: 'Cash vs Invested',
    type: 'pie',
    description: 'Account cash against the value of the priced holdings.',
  },
  target_drift: {
    title: 'Drift from Asset-Class Targets',
    type: 'bar',
    description: 'Dollars above (positive) or below (negative) each asset-class target.',
  },
  region_drift: {
    title: 'Drift from Regional Targets',
    type: 'bar',
    description: 'Dollars above (positive) or below (negative) each regional target.',
  },
};

/** True when `key` names a chart the charter can compute. */
export function isChartKey(key: string): key is ChartKey {
  return (CHART_KEYS as readonly string[]).includes(key);
}
