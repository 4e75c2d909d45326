import { z } from 'zod';
import { AssetClassAllocation, RegionAllocation, SectorAllocation } from './allocation';
import { InstrumentType } from './enums';

/** Largest portfolio file accepted for import, in bytes. */
export const MAX_PORTFOLIO_FILE_BYTES = 1024 * 1024;

const TickerSymbol = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[A-Za-z0-9.\-^=]+$/, 'symbols use letters, digits, ".", "-", "^" or "="')
  .transform((value) => value.toUpperCase());

/** Money with at most two decimal places, never negative. */
const Money = z.number().min(0).max(1e10).multipleOf(0.01);

/** A holding in an imported account. */
export const ImportPosition = z.strictObject({
  symbol: TickerSymbol,
  quantity: z.number().positive().max(1e12),
});
export type ImportPosition = z.infer<typeof ImportPosition>;

/** An imported account with its positions. */
export const ImportAccount = z.strictObject({
  account_name: z.string().trim().min(1).max(255),
  account_purpose: z.string().max(2000).optional(),
  cash_balance: Money.optional(),
  cash_interest: z.number().min(0).max(1).optional(),
  positions: z.array(ImportPosition).max(1000).default([]),
});
export type ImportAccount = z.infer<typeof ImportAccount>;

/** Instrument reference data supplied with an import; known symbols are updated with it. */
export const ImportInstrument = z.strictObject({
  symbol: TickerSymbol,
  name: z.string().trim().min(1).max(255),
  instrument_type: InstrumentType.optional(),
  current_price: z.number().positive().max(999_999).optional(),
  allocation_asset_class: AssetClassAllocation.optional(),
  allocation_regions: RegionAllocation.optional(),
  allocation_sectors: SectorAllocation.optional(),
});
export type ImportInstrument = z.infer<typeof ImportInstrument>;

/** The user profile part of an import file. */
export const ImportUser = z.strictObject({
  clerk_user_id: z.string().trim().min(1).max(255),
  display_name: z.string().trim().min(1).max(255),
  years_until_retirement: z.number().int().min(0).max(100),
  target_retirement_income: Money,
  current_age: z.number().int().min(0).max(130).optional(),
  annual_contribution: Money.optional(),
  asset_class_targets: AssetClassAllocation.optional(),
  region_targets: RegionAllocation.optional(),
});
export type ImportUser = z.infer<typeof ImportUser>;

/** A whole portfolio file as read by `alex portfolio import`. */
export const PortfolioImportFile = z
  .strictObject({
    user: ImportUser,
    accounts: z.array(ImportAccount).max(100),
    instruments: z.array(ImportInstrument).max(5000).optional(),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.accounts.forEach((account, index) => {
      if (seen.has(account.account_name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['accounts', index, 'account_name'],
          message: `duplicate account name "${account.account_name}"`,
        });
      }
      seen.add(account.account_name);
      const symbols = new Set<string>();
      account.positions.forEach((position, positionIndex) => {
        if (symbols.has(position.symbol)) {
          ctx.addIssue({
            code: 'custom',
            path: ['accounts', index, 'positions', positionIndex, 'symbol'],
            message: `duplicate symbol ${position.symbol} in one account`,
          });
        }
        symbols.add(position.symbol);
      });
    });
  });
export type PortfolioImportFile = z.infer<typeof PortfolioImportFile>;
