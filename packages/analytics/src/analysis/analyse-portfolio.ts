import type { AssetClassType, Portfolio, RegionType, SectorType } from '@alex/contracts';
import { toCents } from '../money';
import { type PortfolioValuation, type PositionValuation, valuePortfolio } from '../valuation';
import type { Breakdown } from './breakdown';
import { type Concentration, measureConcentration } from './concentration';
import { measureDrift, measureRegionDrift, type TargetDrift } from './drift';
import { lookThrough, type UnclassifiedPosition, valuedHoldings } from './look-through';

/** Everything computed about a portfolio before any model sees it; every dollar figure reconciles to the cent. */
export interface PortfolioAnalytics {
  valuation: PortfolioValuation;
  /** Priced, asset-class-classified holdings plus all account cash (as `cash`). */
  assetClasses: Breakdown<AssetClassType>;
  /** Priced, region-classified holdings; cash has no region. */
  regions: Breakdown<RegionType>;
  /** Priced, sector-classified holdings; cash has no sector. */
  sectors: Breakdown<SectorType>;
  /** Positions without a price: not valued, so in no breakdown or total. */
  unpriced: PositionValuation[];
  /** Positions missing one or more allocation maps, left out of the breakdowns they lack. */
  unclassified: UnclassifiedPosition[];
  concentration: Concentration;
  /** Both null until the person sets targets: database defaults are not theirs to drift from. */
  drift: TargetDrift;
}

/**
 * Values a portfolio and computes its look-through allocations, concentration and drift from the person's
 * targets (none when they set none).
 */
export function analysePortfolio(portfolio: Portfolio): PortfolioAnalytics {
  const valuation = valuePortfolio(portfolio);
  const holdings = valuedHoldings(portfolio, valuation);
  const { assetClasses, regions, sectors, unclassified } = lookThrough(holdings, toCents(valuation.cash));
  return {
    valuation,
    assetClasses,
    regions,
    sectors,
    unpriced: valuation.unpriced,
    unclassified,
    concentration: measureConcentration(holdings, toCents(valuation.total)),
    drift: portfolio.user.targetsSet
      ? {
          assetClass: measureDrift(portfolio.user.assetClassTargets, assetClasses),
          region: measureRegionDrift(portfolio.user.regionTargets, regions),
        }
      : { assetClass: null, region: null },
  };
}
