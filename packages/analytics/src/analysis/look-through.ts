import type { AssetClassType, Instrument, Portfolio, RegionType, SectorType } from '@alex/contracts';
import { fromCents, toCents } from '../money';
import type { PortfolioValuation, PositionValuation } from '../valuation';
import { addLookThrough, type Breakdown, breakdownFromWeights } from './breakdown';

/** A classification a holding can be missing, and so be left out of the matching breakdown. */
export type ClassificationDimension = 'assetClass' | 'region' | 'sector';

/** A position left out of one or more breakdowns because its instrument lacks that classification. */
export interface UnclassifiedPosition {
  accountId: string;
  accountName: string;
  symbol: string;
  /** Dollar value, or null when the position has no price either. */
  value: number | null;
  missing: ClassificationDimension[];
}

/** One valued position with the instrument that classifies it. */
export interface ValuedHolding extends PositionValuation {
  valueCents: number | null;
  instrument: Instrument;
}

/** Look-through breakdowns and the positions none of them could place. */
export interface LookThrough {
  /** Priced, asset-class-classified holdings plus all account cash (as `cash`). */
  assetClasses: Breakdown<AssetClassType>;
  /** Priced, region-classified holdings only; cash has no region. */
  regions: Breakdown<RegionType>;
  /** Priced, sector-classified holdings only; cash has no sector. */
  sectors: Breakdown<SectorType>;
  unclassified: UnclassifiedPosition[];
}

/** Pairs each valued position with its instrument (valuePortfolio keeps the portfolio's order). */
export function valuedHoldings(portfolio: Portfolio, valuation: PortfolioValuation): ValuedHolding[] {
  return valuation.accounts.flatMap((account, i) =>
    account.positions.map((position, j): ValuedHolding => {
      const instrument = portfolio.accounts[i]?.positions[j]?.instrument;
      if (!instrument) throw new Error(`valuation of account ${account.id} does not match the portfolio`);
      const valueCents = position.value === null ? null : toCents(position.value);
      return { ...position, valueCents, instrument };
    }),
  );
}

/** Splits every priced holding by the allocation maps of its instrument, never guessing a missing map. */
export function lookThrough(holdings: readonly ValuedHolding[], cashCents: number): LookThrough {
  const assetClass = { weights: new Map<AssetClassType, number>(), covers: cashCents };
  const region = { weights: new Map<RegionType, number>(), covers: 0 };
  const sector = { weights: new Map<SectorType, number>(), covers: 0 };
  if (cashCents > 0) assetClass.weights.set('cash', cashCents);
  const unclassified: UnclassifiedPosition[] = [];
  for (const holding of holdings) {
    const { instrument, valueCents } = holding;
    const missing: ClassificationDimension[] = [];
    const place = <K extends string>(
      dimension: ClassificationDimension,
      into: { weights: Map<K, number>; covers: number },
      map: Readonly<Partial<Record<K, number>>>,
    ) => {
      if (!hasShares(map)) missing.push(dimension);
      else if (valueCents !== null && addLookThrough(into.weights, valueCents, map))
        into.covers += valueCents;
    };
    place('assetClass', assetClass, instrument.allocationAssetClass);
    place('region', region, instrument.allocationRegions);
    place('sector', sector, instrument.allocationSectors);
    if (missing.length > 0) unclassified.push(unclassifiedEntry(holding, missing));
  }
  return {
    assetClasses: breakdownFromWeights(assetClass.covers, assetClass.weights),
    regions: breakdownFromWeights(region.covers, region.weights),
    sectors: breakdownFromWeights(sector.covers, sector.weights),
    unclassified,
  };
}

function hasShares(map: Readonly<Partial<Record<string, number>>>): boolean {
  return Object.values(map).some((percent) => percent !== undefined && percent > 0);
}

function unclassifiedEntry(holding: ValuedHolding, missing: ClassificationDimension[]): UnclassifiedPosition {
  return {
    accountId: holding.accountId,
    accountName: holding.accountName,
    symbol: holding.symbol,
    value: holding.valueCents === null ? null : fromCents(holding.valueCents),
    missing,
  };
}
