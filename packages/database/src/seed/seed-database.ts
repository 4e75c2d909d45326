import { sql } from 'drizzle-orm';
import type { AlexDatabase } from '../drivers/alex-database';
import { instrumentsRepository } from '../repositories/instruments';
import { marketNotesRepository } from '../repositories/market-notes';
import { portfoliosRepository } from '../repositories/portfolios';
import { usersRepository } from '../repositories/users';
import { MARKET_NOTES } from './market-notes';
import { seedInstruments } from './seed-instruments';

/** The demo user every local command defaults to. */
export const TEST_USER_ID = 'test_user_001';

/** test_user_001's accounts and positions (reference §2.6): 99,437.50 at seed prices, cash included. */
export const TEST_USER_ACCOUNTS = [
  {
    accountName: '401(k)',
    accountPurpose: 'Primary retirement savings',
    cashBalance: 5000,
    cashInterest: 0.045,
    positions: [
      { symbol: 'SPY', quantity: 100 },
      { symbol: 'QQQ', quantity: 50 },
      { symbol: 'BND', quantity: 200 },
      { symbol: 'VEA', quantity: 150 },
      { symbol: 'GLD', quantity: 25 },
    ],
  },
  {
    accountName: 'Roth IRA',
    accountPurpose: 'Tax-free retirement savings',
    cashBalance: 1000,
    cashInterest: 0.04,
    positions: [],
  },
  {
    accountName: 'Taxable Brokerage',
    accountPurpose: 'General investment account',
    cashBalance: 2500,
    cashInterest: 0.035,
    positions: [],
  },
] as const;

/** What a seed run wrote. */
export interface SeedSummary {
  instruments: number;
  users: string[];
  marketNotes: number;
}

/**
 * Writes the 22 seed instruments (resetting their prices and allocations), the local market notes, and
 * test_user_001 with exactly the reference accounts; running it again leaves the same state.
 */
export async function seedDatabase(db: AlexDatabase): Promise<SeedSummary> {
  const instruments = await db.transaction(async (tx) => writeSeed(tx as unknown as AlexDatabase));
  return { instruments, users: [TEST_USER_ID], marketNotes: MARKET_NOTES.length };
}

// Any fixed number: the advisory lock that serialises first-run seeding across processes.
const SEED_LOCK = 0x616c6578;

/**
 * Seeds only when test_user_001 does not exist yet, once however many processes try at the same moment (an
 * advisory lock serialises them and each re-checks inside it); true when this call seeded.
 */
export async function seedDemoOnce(db: AlexDatabase): Promise<boolean> {
  return db.transaction(async (tx) => {
    const scoped = tx as unknown as AlexDatabase;
    await scoped.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK}::bigint)`);
    if (await usersRepository(scoped).find(TEST_USER_ID)) return false;
    await writeSeed(scoped);
    return true;
  });
}

/** Writes the seed; returns how many instruments it wrote. */
async function writeSeed(scoped: AlexDatabase): Promise<number> {
  const instruments = seedInstruments();
  await instrumentsRepository(scoped).upsertMany(instruments);
  await usersRepository(scoped).upsert({
    clerkUserId: TEST_USER_ID,
    displayName: 'Test User',
    yearsUntilRetirement: 25,
    targetRetirementIncome: 100000,
    // Not in the reference (it hard-coded these inside the retirement agent); stored so projections use them.
    currentAge: 40,
    annualContribution: 10000,
    // The demo user's targets are part of the reference data, so they count as set (drift is measured).
    assetClassTargets: { equity: 70, fixed_income: 30 },
    regionTargets: { north_america: 50, international: 50 },
  });
  await portfoliosRepository(scoped).replaceAccounts(TEST_USER_ID, TEST_USER_ACCOUNTS);
  await marketNotesRepository(scoped).upsertMany(MARKET_NOTES);
  return instruments.length;
}
