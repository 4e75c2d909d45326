import { endAgeMessage, type InstrumentsFile, type PortfolioImportFile } from '@alex/contracts';
import type { AlexDatabase } from '../drivers/alex-database';
import { InvalidImportError } from '../errors';
import { type InstrumentInput, instrumentsRepository } from './instruments';
import { portfoliosRepository } from './portfolios';
import { type UsersRepository, usersRepository } from './users';

/** What a portfolio import wrote. */
export interface ImportSummary {
  clerkUserId: string;
  accounts: number;
  positions: number;
  /** Symbols not known before, created as placeholders: name = symbol, no price, no allocations. */
  instrumentsAwaitingClassification: string[];
}

/**
 * Refuses a file whose current_age reaches the end age already stored for the user when the file keeps that
 * end age (no `end_age` of its own); the file's own pair was checked when it was parsed.
 */
async function refuseEndAgeBeforeImportedAge(
  users: UsersRepository,
  user: PortfolioImportFile['user'],
): Promise<void> {
  if (user.end_age !== undefined || typeof user.current_age !== 'number') return;
  const stored = (await users.find(user.clerk_user_id))?.endAge;
  if (typeof stored === 'number' && stored <= user.current_age) {
    throw new InvalidImportError(
      `user.current_age: ${endAgeMessage(stored, user.current_age)} (the stored end_age; set user.end_age in the file)`,
    );
  }
}

/**
 * Writes a validated portfolio file in one transaction: the user's profile, placeholders for unknown symbols,
 * and the user's accounts and positions (replacing any existing ones). Shared instrument data is never
 * changed here: a placeholder is only ever inserted, and an existing instrument row is left as it is.
 */
export async function importPortfolio(db: AlexDatabase, file: PortfolioImportFile): Promise<ImportSummary> {
  const { user } = file;
  return db.transaction(async (tx) => {
    const scoped = tx as unknown as AlexDatabase;
    const users = usersRepository(scoped);
    await refuseEndAgeBeforeImportedAge(users, user);
    await users.upsert({
      clerkUserId: user.clerk_user_id,
      displayName: user.display_name,
      yearsUntilRetirement: user.years_until_retirement ?? null,
      targetRetirementIncome: user.target_retirement_income ?? null,
      currentAge: user.current_age ?? null,
      annualContribution: user.annual_contribution ?? null,
      ...(user.asset_class_targets ? { assetClassTargets: user.asset_class_targets } : {}),
      ...(user.region_targets ? { regionTargets: user.region_targets } : {}),
      ...(user.other_income ? { otherIncome: user.other_income } : {}),
      ...(user.advisory_fee !== undefined ? { advisoryFee: user.advisory_fee } : {}),
      ...(user.end_age !== undefined ? { endAge: user.end_age } : {}),
    });
    const held = [...new Set(file.accounts.flatMap((account) => account.positions.map((p) => p.symbol)))];
    const created = await instrumentsRepository(scoped).createPlaceholders(held);
    await portfoliosRepository(scoped).replaceAccounts(
      user.clerk_user_id,
      file.accounts.map((account) => ({
        accountName: account.account_name,
        accountPurpose: account.account_purpose ?? null,
        cashBalance: account.cash_balance ?? 0,
        cashInterest: account.cash_interest ?? 0,
        positions: account.positions,
      })),
    );
    return {
      clerkUserId: user.clerk_user_id,
      accounts: file.accounts.length,
      positions: file.accounts.reduce((count, account) => count + account.positions.length, 0),
      instrumentsAwaitingClassification: created.sort(),
    };
  });
}

/** What an instruments import wrote. */
export interface InstrumentsImportSummary {
  /** Symbols that were not known before. */
  created: string[];
  /** Known symbols whose supplied fields were replaced. */
  updated: string[];
}

/** An instruments file's entry as the repository writes it: only the fields the entry supplies. */
export function toInstrumentInput(instrument: InstrumentsFile['instruments'][number]): InstrumentInput {
  return {
    symbol: instrument.symbol,
    name: instrument.name,
    ...(instrument.instrument_type ? { instrumentType: instrument.instrument_type } : {}),
    ...(instrument.current_price !== undefined ? { currentPrice: instrument.current_price } : {}),
    ...(instrument.allocation_asset_class ? { allocationAssetClass: instrument.allocation_asset_class } : {}),
    ...(instrument.allocation_regions ? { allocationRegions: instrument.allocation_regions } : {}),
    ...(instrument.allocation_sectors ? { allocationSectors: instrument.allocation_sectors } : {}),
    ...(instrument.expense_ratio !== undefined ? { expenseRatio: instrument.expense_ratio } : {}),
  };
}

/**
 * Loads shared instrument reference data from a validated instruments file in one transaction: creates
 * unknown symbols and changes only the supplied fields of known ones. An administrator's path
 * (`alex instruments import`), never a user's: every user's valuation and report read these rows.
 */
export async function importInstruments(
  db: AlexDatabase,
  file: InstrumentsFile,
): Promise<InstrumentsImportSummary> {
  return db.transaction(async (tx) => {
    const instruments = instrumentsRepository(tx as unknown as AlexDatabase);
    const inputs = file.instruments.map(toInstrumentInput);
    const symbols = inputs.map((input) => input.symbol);
    const known = new Set((await instruments.findMany(symbols)).map((instrument) => instrument.symbol));
    await instruments.upsertMany(inputs);
    return {
      created: symbols.filter((symbol) => !known.has(symbol)).sort(),
      updated: symbols.filter((symbol) => known.has(symbol)).sort(),
    };
  });
}
