import { z } from 'zod';
import { AssetClassAllocation, RegionAllocation, SectorAllocation } from './allocation';
import { InstrumentType } from './enums';
import { EndAge, MAX_ADVISORY_FEE, MAX_EXPENSE_RATIO, OtherIncomeList } from './retirement-plan';

/** A user's profile and retirement goals (the `users` row). */
export const User = z.object({
  clerkUserId: z.string().min(1).max(255),
  displayName: z.string().nullable(),
  yearsUntilRetirement: z.number().int().min(0).max(100).nullable(),
  targetRetirementIncome: z.number().min(0).nullable(),
  currentAge: z.number().int().min(0).max(130).nullable(),
  annualContribution: z.number().min(0).nullable(),
  assetClassTargets: AssetClassAllocation,
  regionTargets: RegionAllocation,
  /** True once the person set either target map; until then both maps are defaults and drift is not measured. */
  targetsSet: z.boolean(),
  /** Social Security, pensions, annuities: `[]` for none. */
  otherIncome: OtherIncomeList,
  /** Fraction of assets a year paid to an adviser (0.01 = 1%); null for none. */
  advisoryFee: z.number().min(0).max(MAX_ADVISORY_FEE).nullable(),
  /** The last age the plan covers; null for DEFAULT_END_AGE (95). */
  endAge: EndAge.nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type User = z.infer<typeof User>;

/** Global reference data for one symbol (the `instruments` row). */
export const Instrument = z.object({
  symbol: z.string().min(1).max(20),
  name: z.string().min(1).max(255),
  instrumentType: InstrumentType.nullable(),
  currentPrice: z.number().min(0).nullable(),
  /**
   * The US trading date (`YYYY-MM-DD`) the current price is from; null or absent when unknown (a price written
   * before dates were kept, or by an import that gave none).
   */
  priceAsOf: z.iso.date().nullable().optional(),
  allocationRegions: RegionAllocation,
  allocationSectors: SectorAllocation,
  allocationAssetClass: AssetClassAllocation,
  /** Net expense ratio, a fraction of assets a year (0.000945 = 0.0945%); null when unknown. */
  expenseRatio: z.number().min(0).max(MAX_EXPENSE_RATIO).nullable(),
  updatedAt: z.date(),
});
export type Instrument = z.infer<typeof Instrument>;

/** One holding inside an account, with its instrument. */
export const Position = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  symbol: z.string().min(1).max(20),
  quantity: z.number().positive(),
  asOfDate: z.string(),
  instrument: Instrument,
});
export type Position = z.infer<typeof Position>;

/** An account with its cash and positions. */
export const Account = z.object({
  id: z.uuid(),
  clerkUserId: z.string(),
  accountName: z.string().min(1).max(255),
  accountPurpose: z.string().nullable(),
  cashBalance: z.number().min(0),
  cashInterest: z.number().min(0).max(1),
  createdAt: z.date(),
  positions: z.array(Position),
});
export type Account = z.infer<typeof Account>;

/** A user with every account, position and instrument needed to analyse them. */
export const Portfolio = z.object({
  user: User,
  accounts: z.array(Account),
});
export type Portfolio = z.infer<typeof Portfolio>;

/** True when the instrument has all three allocation maps filled in. */
export function isClassified(instrument: Instrument): boolean {
  return (
    Object.keys(instrument.allocationAssetClass).length > 0 &&
    Object.keys(instrument.allocationRegions).length > 0 &&
    Object.keys(instrument.allocationSectors).length > 0
  );
}
