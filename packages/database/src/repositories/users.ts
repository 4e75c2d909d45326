import type { AssetClassAllocation, RegionAllocation, User } from '@alex/contracts';
import { eq } from 'drizzle-orm';
import type { AlexDatabase } from '../drivers/alex-database';
import { parseRow, UserRow } from '../rows';
import { users } from '../schema';

/** Fields of a user profile that can be written. */
export interface UserInput {
  clerkUserId: string;
  displayName: string | null;
  yearsUntilRetirement: number | null;
  targetRetirementIncome: number | null;
  currentAge?: number | null;
  annualContribution?: number | null;
  assetClassTargets?: AssetClassAllocation;
  regionTargets?: RegionAllocation;
}

/** Reads and writes user profiles. */
export interface UsersRepository {
  find(clerkUserId: string): Promise<User | null>;
  /** Creates the user or replaces its profile; omitted targets keep their current (or default) value. */
  upsert(input: UserInput): Promise<User>;
}

/** Creates the users repository over a database. */
export function usersRepository(db: AlexDatabase): UsersRepository {
  return {
    async find(clerkUserId) {
      const rows = await db.select().from(users).where(eq(users.clerkUserId, clerkUserId)).limit(1);
      return rows[0] ? parseRow(UserRow, rows[0], 'users') : null;
    },
    async upsert(input) {
      const values = {
        clerkUserId: input.clerkUserId,
        displayName: input.displayName,
        yearsUntilRetirement: input.yearsUntilRetirement,
        targetRetirementIncome: input.targetRetirementIncome,
        currentAge: input.currentAge ?? null,
        annualContribution: input.annualContribution ?? null,
        ...(input.assetClassTargets ? { assetClassTargets: input.assetClassTargets } : {}),
        ...(input.regionTargets ? { regionTargets: input.regionTargets } : {}),
      };
      const { clerkUserId: _key, ...changes } = values;
      const rows = await db
        .insert(users)
        .values(values)
        .onConflictDoUpdate({ target: users.clerkUserId, set: changes })
        .returning();
      return parseRow(UserRow, rows[0], 'users');
    },
  };
}
