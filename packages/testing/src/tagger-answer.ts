import { AssetClassType, RegionType, SectorType } from '@alex/contracts';

const wholly = (keys: readonly string[], chosen: string) =>
  Object.fromEntries(keys.map((key) => [key, key === chosen ? 100 : 0]));

/**
 * What a tagger model answers for an instrument it puts wholly in one asset class, region and sector: every
 * map complete, 100 on the chosen key and 0 on the others.
 */
export function taggerAnswer(choice: {
  instrumentType: string;
  assetClass: AssetClassType;
  region: RegionType;
  sector: SectorType;
}) {
  return {
    instrument_type: choice.instrumentType,
    allocation_asset_class: wholly(AssetClassType.options, choice.assetClass),
    allocation_regions: wholly(RegionType.options, choice.region),
    allocation_sectors: wholly(SectorType.options, choice.sector),
  };
}
