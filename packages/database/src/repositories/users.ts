import type { AssetClassAllocation, OtherIncome, RegionAllocation, User } from '@alex/contracts';
import { eq } from 'drizzle-orm';
import type { AlexDatabase } from '../drivers/alex-database';
import { DatabaseError } from '../errors';
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
  /** Like the targets, these keep their current (or default) value when omitted. */
  otherIncome?: OtherIncome[];
  advisoryFee?: number | null;
  endAge?: number | null;
}

/** Profile fields to change; an absent or undefined field is left as it is. */
export type UserChanges = { [K in keyof Omit<UserInput, 'clerkUserId'>]?: UserInput[K] | undefined };

/** Reads and writes user profiles. */
export interface UsersRepository {
  find(clerkUserId: string): Promise<User | null>;
  /**
   * Creates the user or replaces its profile; omitted targets, other income, advisory fee and end age keep
   * their current (or default) value, and given targets mark them as set.
   */
  upsert(input: UserInput): Promise<User>;
  /**
   * The user, created from `defaults` first when unknown (safe when two first requests race); targets in
   * `defaults` are stored as defaults, so they leave `targetsSet` false.
   */
  findOrCreate(defaults: UserInput): Promise<{ user: User; created: boolean }>;
  /**
   * Changes the given fields of the user's profile (null clears one; given targets mark them as set); null
   * when the user is unknown.
   */
  update(clerkUserId: string, changes: UserChanges): Promise<User | null>;
}

// Writing either target map makes the targets the person's own; nothing ever sets the flag back to false.
const targetsWritten = (input: Pick<UserChanges, 'assetClassTargets' | 'regionTargets'>) =>
  input.assetClassTargets !== undefined || input.regionTargets !== undefined ? { targetsSet: true } : {};

/** Creates the users repository over a database. */
export function usersRepository(db: AlexDatabase): UsersRepository {
  const find = async (clerkUserId: string) => {
    const rows = await db.select().from(users).where(eq(users.clerkUserId, clerkUserId)).limit(1);
    return rows[0] ? parseRow(UserRow, rows[0], 'users') : null;
  };
  return {
    find,
    async findOrCreate(defaults) {
      const inserted = await db
        .insert(users)
        .values({ ...defaults, targetsSet: false })
        .onConflictDoNothing({ target: users.clerkUserId })
        .returning();
      if (inserted[0]) return { user: parseRow(UserRow, inserted[0], 'users'), created: true };
      const user = await find(defaults.clerkUserId);
      if (!user) throw new DatabaseError(`user ${defaults.clerkUserId} vanished while being created`);
      return { user, created: false };
    },
    async update(clerkUserId, changes) {
      const set = {
        ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
        ...targetsWritten(changes),
      };
      if (Object.keys(set).length === 0) return find(clerkUserId);
      const rows = await db.update(users).set(set).where(eq(users.clerkUserId, clerkUserId)).returning();
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
        ...targetsWritten(input),
        ...(input.otherIncome ? { otherIncome: input.otherIncome } : {}),
        ...(input.advisoryFee !== undefined ? { advisoryFee: input.advisoryFee } : {}),
        ...(input.endAge !== undefined ? { endAge: input.endAge } : {}),
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
