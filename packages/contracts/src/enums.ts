import { z } from 'zod';

/** Regions an instrument's holdings can be allocated to (reference §2.4). */
export const RegionType = z.enum([
  'north_america',
  'europe',
  'asia',
  'latin_america',
  'africa',
  'middle_east',
  'oceania',
  'global',
  'international',
]);
export type RegionType = z.infer<typeof RegionType>;

/** Asset classes an instrument's holdings can be allocated to. */
export const AssetClassType = z.enum([
  'equity',
  'fixed_income',
  'real_estate',
  'commodities',
  'cash',
  'alternatives',
]);
export type AssetClassType = z.infer<typeof AssetClassType>;

/** Sectors an instrument's holdings can be allocated to. */
export const SectorType = z.enum([
  'technology',
  'healthcare',
  'financials',
  'consumer_discretionary',
  'consumer_staples',
  'industrials',
  'energy',
  'materials',
  'utilities',
  'real_estate',
  'communication',
  'treasury',
  'corporate',
  'mortgage',
  'government_related',
  'commodities',
  'diversified',
  'other',
]);
export type SectorType = z.infer<typeof SectorType>;

/** Kinds of instrument the system knows how to classify. */
export const InstrumentType = z.enum([
  'etf',
  'mutual_fund',
  'stock',
  'bond',
  'bond_fund',
  'commodity',
  'reit',
]);
export type InstrumentType = z.infer<typeof InstrumentType>;
