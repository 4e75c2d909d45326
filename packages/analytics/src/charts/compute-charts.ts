import { ChartsPayload } from '@alex/contracts';
import type { PortfolioAnalytics } from '../analysis';
import {
  assetAllocationChart,
  cashVsInvestedChart,
  geographicExposureChart,
  sectorBreakdownChart,
} from './breakdown-charts';
import { CHART_KEYS, type ChartKey } from './chart-catalog';
import type { CoveredChart } from './chart-data';
import { regionDriftChart, targetDriftChart } from './drift-charts';
import { accountBreakdownChart, topHoldingsChart } from './holding-charts';
import { reconcileChart } from './reconcile-chart';

const BUILDERS: Readonly<Record<ChartKey, (analytics: PortfolioAnalytics) => CoveredChart | null>> = {
  asset_allocation: assetAllocationChart,
  geographic_exposure: geographicExposureChart,
  sector_breakdown: sectorBreakdownChart,
  account_breakdown: accountBreakdownChart,
  top_holdings: topHoldingsChart,
  cash_vs_invested: cashVsInvestedChart,
  target_drift: targetDriftChart,
  region_drift: regionDriftChart,
};

/**
 * Computes every chart that has data, in CHART_KEYS order; each chart's values sum to the dollar value its
 * description says it covers, to the cent (drift charts to $0.00).
 */
export function computeCharts(analytics: PortfolioAnalytics): ChartsPayload {
  const payload: ChartsPayload = {};
  for (const key of CHART_KEYS) {
    const computed = BUILDERS[key](analytics);
    if (!computed) continue;
    const check = reconcileChart(computed.chart, computed.covers);
    if (!check.ok) {
      // A bug in a builder, never a data problem: every builder sums whole cents of one covered value.
      throw new Error(`chart ${key} sums to ${check.total}, not the ${check.expected} it covers`);
    }
    payload[key] = computed.chart;
  }
  return ChartsPayload.parse(payload);
}
