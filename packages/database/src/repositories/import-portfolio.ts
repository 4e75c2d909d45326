import type { PortfolioImportFile } from '@alex/contracts';
import type { AlexDatabase } from '../drivers/alex-database';
import { type InstrumentInput, instrumentsRepository } from './instruments';
import { portfoliosRepository } from './portfolios';
import { usersRepository } from './users';

/** What an import wrote. */
export interface ImportSummary {
  clerkUserId: string;
  accounts: number;
  positions: number;
  /** Instruments supplied in the file (created or updated). */
  instrumentsWritten: string[];
  /** Symbols neither known nor in the file, created unclassified and unpriced. */
  instrumentsAwaitingClassification: string[];
}

function toInstrumentInput(
  instrument: NonNullable<PortfolioImportFile['instruments']>[number],
): InstrumentInput {
  return {
    symbol: instrument.symbol,
    name: instrument.name,
    ...(instrument.instrument_type ? { instrumentType: instrument.instrument_type } : {}),
    ...(instrument.current_price !== undefined ? { currentPrice: instrument.current_price } : {}),
    ...(instrument.allocation_asset_class ? { allocationAssetClass: instrument.allocation_asset_class } : {}),
    ...(instrument.allocation_regions ? { allocationRegions: instrument.allocation_regions } : {}),
    ...(instrument.allocation_sectors ? { allocationSectors: instrument.allocation_sectors } : {}),
  };
}

/**
 * Writes a validated portfolio file in one transaction: the user's profile, the instruments it supplies,
 * placeholders for unknown symbols, and the user's accounts and positions (replacing any existing ones).
 */
export async function importPortfolio(db: AlexDatabase, file: PortfolioImportFile): Promise<ImportSummary> {
  const { user } = file;
  return db.transaction(async (tx) => {
    const scoped = tx as unknown as AlexDatabase;
    const instruments = instrumentsRepository(scoped);
    await usersRepository(scoped).upsert({
      clerkUserId: user.clerk_user_id,
      displayName: user.display_name,
      yearsUntilRetirement: user.years_until_retirement,
      targetRetirementIncome: user.target_retirement_income,
      currentAge: user.current_age ?? null,
      annualContribution: user.annual_contribution ?? null,
      ...(user.asset_class_targets ? { assetClassTargets: user.asset_class_targets } : {}),
      ...(user.region_targets ? { regionTargets: user.region_targets } : {}),
    });
    const supplied = (file.instruments ?? []).map(toInstrumentInput);
    await instruments.upsertMany(supplied);
    const held = [...new Set(file.accounts.flatMap((account) => account.positions.map((p) => p.symbol)))];
    const created = await instruments.createPlaceholders(held);
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
      instrumentsWritten: supplied.map((instrument) => instrument.symbol).sort(),
      instrumentsAwaitingClassification: created.sort(),
    };
  });
}
