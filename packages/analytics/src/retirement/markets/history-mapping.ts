import type { AssetClassType } from '@alex/contracts';
import { ASSET_CLASSES } from '../assumptions';
import type { AnnualMarketYear } from '../history';

/** The series history offers: US stocks (S&P composite), 10-year Treasuries, and CPI inflation. */
type HistorySeries = 'stocks' | 'bonds' | 'inflation';

/**
 * How each asset class is simulated from history, which has only US stocks, 10-year Treasuries and the CPI.
 * Stated in every historical or bootstrap result.
 */
export const HISTORY_MAPPING: Record<
  AssetClassType,
  { series: Partial<Record<HistorySeries, number>>; note: string }
> = {
  equity: { series: { stocks: 1 }, note: 'US stocks (S&P composite, dividends reinvested)' },
  fixed_income: { series: { bonds: 1 }, note: '10-year US Treasuries' },
  real_estate: {
    series: { stocks: 1 },
    note: 'US stocks (listed real estate is equity; no REIT series before 1972)',
  },
  commodities: {
    series: { inflation: 1 },
    note: 'keeps pace with inflation exactly, riskless in real terms (no commodity series; long-run real returns of broad commodities are near zero)',
  },
  cash: {
    series: { inflation: 1 },
    note: 'keeps pace with inflation exactly, riskless in real terms (no Treasury-bill series in the data; bills lost to inflation in the 1940s and 1970s)',
  },
  alternatives: { series: { stocks: 0.5, bonds: 0.5 }, note: 'half US stocks, half 10-year Treasuries' },
};

/** Each history year's gross portfolio return Σ wᵢ(1 + rᵢ) for `weights` (in `ASSET_CLASSES` order). */
export function historicalGrowth(history: readonly AnnualMarketYear[], weights: Float64Array): Float64Array {
  const exposure = { stocks: 0, bonds: 0, inflation: 0 };
  ASSET_CLASSES.forEach((assetClass, i) => {
    const weight = weights[i] as number;
    for (const [series, share] of Object.entries(HISTORY_MAPPING[assetClass].series))
      exposure[series as HistorySeries] += weight * (share as number);
  });
  return Float64Array.from(
    history,
    (year) =>
      1 + exposure.stocks * year.stocks + exposure.bonds * year.bonds + exposure.inflation * year.inflation,
  );
}

/** The mapping as stored with a result: asset class → what it follows, for the classes that were held. */
export function mappingUsed(weights: Float64Array): Record<string, string> {
  return Object.fromEntries(
    ASSET_CLASSES.filter((_, i) => (weights[i] as number) > 0).map((assetClass) => [
      assetClass,
      HISTORY_MAPPING[assetClass].note,
    ]),
  );
}
