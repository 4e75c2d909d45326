import { z } from 'zod';
import { AssetClassAllocation, RegionAllocation, SectorAllocation } from './allocation';
import {
  CASH_INTEREST,
  MONEY,
  PRICE,
  QUANTITY,
  storedDecimal,
  storedText,
  VARCHAR_LENGTH,
} from './column-limits';
import { InstrumentType } from './enums';
import { AdvisoryFee, EndAge, ExpenseRatio, OtherIncomeList, refuseImpossibleAges } from './retirement-plan';

/** Largest portfolio or instruments file accepted for import, in bytes. */
export const MAX_PORTFOLIO_FILE_BYTES = 1024 * 1024;

/** Why a portfolio file may not carry instruments: they are shared by every user. */
export const PORTFOLIO_INSTRUMENTS_REFUSAL =
  'a portfolio file cannot change shared instrument data (prices, names, classifications); ' +
  'an administrator loads instruments with `pnpm alex instruments import FILE`';

/** A ticker as users type it: letters, digits and `.-^=`, upper-cased. */
export const TickerSymbol = z
  .string()
  .trim()
  .min(1)
  .max(VARCHAR_LENGTH.symbol)
  .regex(/^[A-Za-z0-9.\-^=]+$/, 'symbols use letters, digits, ".", "-", "^" or "="')
  .transform((value) => value.toUpperCase());

/** Money a numeric(12, 2) column stores exactly, never negative. */
const Money = storedDecimal(MONEY, { min: 0 });

/** A holding in an imported account. */
export const ImportPosition = z.strictObject({
  symbol: TickerSymbol,
  quantity: storedDecimal(QUANTITY, { min: 0, minExclusive: true }),
});
export type ImportPosition = z.infer<typeof ImportPosition>;

/** An imported account with its positions. */
export const ImportAccount = z.strictObject({
  account_name: storedText(VARCHAR_LENGTH.accountName, { minChars: 1 }),
  // A text column: the limit is ours, not the column's.
  account_purpose: storedText(2000).optional(),
  cash_balance: Money.optional(),
  cash_interest: storedDecimal(CASH_INTEREST, { min: 0, max: 1 }).optional(),
  positions: z.array(ImportPosition).max(1000).default([]),
});
export type ImportAccount = z.infer<typeof ImportAccount>;

/** Instrument reference data, as loaded by an administrator (`alex instruments import`). */
export const ImportInstrument = z.strictObject({
  symbol: TickerSymbol,
  name: storedText(VARCHAR_LENGTH.instrumentName, { minChars: 1 }),
  instrument_type: InstrumentType.optional(),
  current_price: storedDecimal(PRICE, { min: 0, minExclusive: true }).optional(),
  allocation_asset_class: AssetClassAllocation.optional(),
  allocation_regions: RegionAllocation.optional(),
  allocation_sectors: SectorAllocation.optional(),
  /** Net expense ratio as a fraction (0.000945 = 0.0945%); null clears it to unknown. */
  expense_ratio: ExpenseRatio.nullable().optional(),
});
export type ImportInstrument = z.infer<typeof ImportInstrument>;

/**
 * The user profile part of an import file; retirement goals may be absent or null (a user without goals).
 * `other_income`, `advisory_fee` and `end_age`, like the targets, keep their stored value (or default) when
 * absent; `null` clears `advisory_fee` and `end_age`, `[]` clears `other_income`.
 */
export const ImportUser = z
  .strictObject({
    clerk_user_id: storedText(VARCHAR_LENGTH.clerkUserId, { minChars: 1 }),
    display_name: storedText(VARCHAR_LENGTH.displayName, { minChars: 1 }),
    years_until_retirement: z.number().int().min(0).max(100).nullish(),
    target_retirement_income: Money.nullish(),
    current_age: z.number().int().min(0).max(130).nullish(),
    annual_contribution: Money.nullish(),
    asset_class_targets: AssetClassAllocation.optional(),
    region_targets: RegionAllocation.optional(),
    other_income: OtherIncomeList.optional(),
    advisory_fee: AdvisoryFee.nullish(),
    end_age: EndAge.nullish(),
  })
  .superRefine(refuseImpossibleAges);
export type ImportUser = z.infer<typeof ImportUser>;

function refuseDuplicateSymbols(
  symbols: readonly string[],
  path: readonly (string | number)[],
  ctx: z.RefinementCtx,
  where: string,
): void {
  const first = new Map<string, number>();
  symbols.forEach((symbol, index) => {
    const earlier = first.get(symbol);
    if (earlier === undefined) {
      first.set(symbol, index);
      return;
    }
    ctx.addIssue({
      code: 'custom',
      path: [...path, index, 'symbol'],
      message: `duplicate symbol ${symbol} ${where}, also at ${[...path, earlier].join('.')}`,
    });
  });
}

/** A whole portfolio file as read by `alex portfolio import`; it may not carry shared instrument data. */
export const PortfolioImportFile = z
  .strictObject({
    user: ImportUser,
    accounts: z.array(ImportAccount).max(100),
    instruments: z.never(PORTFOLIO_INSTRUMENTS_REFUSAL).optional(),
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
      refuseDuplicateSymbols(
        account.positions.map((position) => position.symbol),
        ['accounts', index, 'positions'],
        ctx,
        'in one account',
      );
    });
  });
export type PortfolioImportFile = z.infer<typeof PortfolioImportFile>;

/** An instruments file as read by `alex instruments import` (administrators only); one entry per symbol. */
export const InstrumentsFile = z
  .strictObject({
    instruments: z.array(ImportInstrument).min(1).max(5000),
  })
  .superRefine((file, ctx) => {
    refuseDuplicateSymbols(
      file.instruments.map((instrument) => instrument.symbol),
      ['instruments'],
      ctx,
      'in one file',
    );
  });
export type InstrumentsFile = z.infer<typeof InstrumentsFile>;
