import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AlexDatabase } from '../drivers/alex-database';
import { Decimal, parseRow, UtcTimestamp } from '../rows';
import { accounts, positions } from '../schema';
import { instrumentsRepository } from './instruments';
import type { AccountInput } from './portfolios';

/** An `accounts` row as the API returns it (without positions). */
export const AccountRecord = z.object({
  id: z.string(),
  clerkUserId: z.string(),
  accountName: z.string(),
  accountPurpose: z.string().nullable(),
  cashBalance: Decimal,
  cashInterest: Decimal,
  createdAt: UtcTimestamp,
  updatedAt: UtcTimestamp,
});
export type AccountRecord = z.output<typeof AccountRecord>;

/** The writable fields of an account. */
export type AccountFields = Omit<AccountInput, 'positions'>;

/** Account fields to change; an absent or undefined field is left as it is. */
export type AccountChanges = { [K in keyof AccountFields]?: AccountFields[K] | undefined };

/** One user's accounts: every function takes the owner and touches only that owner's rows. */
export interface AccountsRepository {
  /** The user's accounts, newest first. */
  list(clerkUserId: string): Promise<AccountRecord[]>;
  /** The account when the user owns it; null for another user's account, an unknown id or a non-uuid. */
  find(clerkUserId: string, id: string): Promise<AccountRecord | null>;
  create(clerkUserId: string, fields: AccountFields): Promise<AccountRecord>;
  /** Changes the given fields of the user's account; null when the user owns no such account. */
  update(clerkUserId: string, id: string, changes: AccountChanges): Promise<AccountRecord | null>;
  /** Deletes the user's account and its positions; false when the user owns no such account. */
  remove(clerkUserId: string, id: string): Promise<boolean>;
  /** Deletes every account of the user (positions cascade); returns how many. */
  removeAll(clerkUserId: string): Promise<number>;
  /**
   * Adds accounts with their positions in one transaction, creating bare placeholders (name = symbol, nothing
   * else) for unknown symbols, as a user's portfolio import does; existing instruments are never changed.
   */
  addWithPositions(clerkUserId: string, inputs: readonly AccountInput[]): Promise<AccountRecord[]>;
}

const Uuid = z.uuid();

/** True when the text is a uuid (anything else can name no row, and would fail a uuid cast in SQL). */
export function isUuid(id: string): boolean {
  return Uuid.safeParse(id).success;
}

const parseAccount = (row: unknown) => parseRow(AccountRecord, row, 'accounts');
const owned = (clerkUserId: string, id: string) =>
  and(eq(accounts.id, id), eq(accounts.clerkUserId, clerkUserId));

/** Creates the accounts repository over a database. */
export function accountsRepository(db: AlexDatabase): AccountsRepository {
  const repository: AccountsRepository = {
    async list(clerkUserId) {
      const rows = await db
        .select()
        .from(accounts)
        .where(eq(accounts.clerkUserId, clerkUserId))
        .orderBy(desc(accounts.createdAt), desc(accounts.id));
      return rows.map(parseAccount);
    },
    async find(clerkUserId, id) {
      if (!isUuid(id)) return null;
      const rows = await db.select().from(accounts).where(owned(clerkUserId, id)).limit(1);
      return rows[0] ? parseAccount(rows[0]) : null;
    },
    async create(clerkUserId, fields) {
      const rows = await db
        .insert(accounts)
        .values({ ...fields, clerkUserId, createdAt: sql`clock_timestamp()` })
        .returning();
      return parseAccount(rows[0]);
    },
    async update(clerkUserId, id, changes) {
      if (!isUuid(id)) return null;
      const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      if (Object.keys(set).length === 0) return repository.find(clerkUserId, id);
      const rows = await db.update(accounts).set(set).where(owned(clerkUserId, id)).returning();
      return rows[0] ? parseAccount(rows[0]) : null;
    },
    async remove(clerkUserId, id) {
      if (!isUuid(id)) return false;
      const rows = await db.delete(accounts).where(owned(clerkUserId, id)).returning({ id: accounts.id });
      return rows.length === 1;
    },
    async removeAll(clerkUserId) {
      const rows = await db
        .delete(accounts)
        .where(eq(accounts.clerkUserId, clerkUserId))
        .returning({ id: accounts.id });
      return rows.length;
    },
    async addWithPositions(clerkUserId, inputs) {
      return db.transaction(async (tx) => {
        const scoped = tx as unknown as AlexDatabase;
        const held = [...new Set(inputs.flatMap((input) => input.positions.map((p) => p.symbol)))];
        await instrumentsRepository(scoped).createPlaceholders(held);
        const created: AccountRecord[] = [];
        for (const { positions: holdings, ...fields } of inputs) {
          const account = await accountsRepository(scoped).create(clerkUserId, fields);
          created.push(account);
          if (holdings.length === 0) continue;
          await scoped
            .insert(positions)
            .values(holdings.map((p) => ({ accountId: account.id, symbol: p.symbol, quantity: p.quantity })));
        }
        return created;
      });
    },
  };
  return repository;
}
