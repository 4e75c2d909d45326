import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AlexDatabase } from '../drivers/alex-database';
import { Decimal, InstrumentRow, parseRow, UtcTimestamp } from '../rows';
import { accounts, instruments, positions } from '../schema';
import { isUuid } from './accounts';
import { instrumentsRepository } from './instruments';

/** A `positions` row with its instrument, as the API returns it. */
export const PositionRecord = z.object({
  id: z.string(),
  accountId: z.string(),
  symbol: z.string(),
  quantity: Decimal,
  asOfDate: z.string(),
  createdAt: UtcTimestamp,
  updatedAt: UtcTimestamp,
  instrument: InstrumentRow.extend({ createdAt: UtcTimestamp }),
});
export type PositionRecord = z.output<typeof PositionRecord>;

/** A holding to write: `quantity` of `symbol` in an account, as of a date (default today). */
export interface PositionInput {
  accountId: string;
  symbol: string;
  quantity: number;
  asOfDate?: string;
}

/** One user's positions: every function takes the owner and touches only positions in that owner's accounts. */
export interface PositionsRepository {
  /** The positions of the user's account by symbol; null when the user owns no such account. */
  listByAccount(clerkUserId: string, accountId: string): Promise<PositionRecord[] | null>;
  /**
   * Holds `quantity` of the symbol in the user's account (replacing an existing holding of it), creating a bare
   * placeholder instrument (name = symbol, no price, no classification) for an unknown symbol; null when the
   * user owns no such account.
   */
  upsert(clerkUserId: string, input: PositionInput): Promise<PositionRecord | null>;
  /** Changes the quantity of the user's position; null when the user owns no such position. */
  updateQuantity(clerkUserId: string, id: string, quantity: number): Promise<PositionRecord | null>;
  /** Deletes the user's position; false when the user owns no such position. */
  remove(clerkUserId: string, id: string): Promise<boolean>;
}

async function ownsAccount(db: AlexDatabase, clerkUserId: string, accountId: string): Promise<boolean> {
  const rows = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), eq(accounts.clerkUserId, clerkUserId)));
  return rows.length === 1;
}

const parsePosition = (row: unknown) => parseRow(PositionRecord, row, 'positions');

/** Creates the positions repository over a database. */
export function positionsRepository(db: AlexDatabase): PositionsRepository {
  const ownedAccountIds = (clerkUserId: string) =>
    db.select({ id: accounts.id }).from(accounts).where(eq(accounts.clerkUserId, clerkUserId));
  const select = () =>
    db
      .select({ ...positionColumns, instrument: instruments })
      .from(positions)
      .innerJoin(instruments, eq(positions.symbol, instruments.symbol));
  const findOwned = async (clerkUserId: string, id: string) => {
    const rows = await select()
      .where(and(eq(positions.id, id), inArray(positions.accountId, ownedAccountIds(clerkUserId))))
      .limit(1);
    return rows[0] ? parsePosition(rows[0]) : null;
  };
  return {
    async listByAccount(clerkUserId, accountId) {
      if (!isUuid(accountId)) return null;
      if (!(await ownsAccount(db, clerkUserId, accountId))) return null;
      const rows = await select().where(eq(positions.accountId, accountId)).orderBy(asc(positions.symbol));
      return rows.map(parsePosition);
    },
    async upsert(clerkUserId, input) {
      if (!isUuid(input.accountId)) return null;
      const written = await db.transaction(async (tx) => {
        const scoped = tx as unknown as AlexDatabase;
        if (!(await ownsAccount(scoped, clerkUserId, input.accountId))) return null;
        await instrumentsRepository(scoped).createPlaceholders([input.symbol]);
        const asOfDate = input.asOfDate ?? sql`CURRENT_DATE`;
        const rows = await scoped
          .insert(positions)
          .values({ accountId: input.accountId, symbol: input.symbol, quantity: input.quantity, asOfDate })
          .onConflictDoUpdate({
            target: [positions.accountId, positions.symbol],
            set: { quantity: input.quantity, asOfDate },
          })
          .returning({ id: positions.id });
        return rows[0]?.id ?? null;
      });
      return written ? findOwned(clerkUserId, written) : null;
    },
    async updateQuantity(clerkUserId, id, quantity) {
      if (!isUuid(id)) return null;
      const rows = await db
        .update(positions)
        .set({ quantity })
        .where(and(eq(positions.id, id), inArray(positions.accountId, ownedAccountIds(clerkUserId))))
        .returning({ id: positions.id });
      return rows[0] ? findOwned(clerkUserId, id) : null;
    },
    async remove(clerkUserId, id) {
      if (!isUuid(id)) return false;
      const rows = await db
        .delete(positions)
        .where(and(eq(positions.id, id), inArray(positions.accountId, ownedAccountIds(clerkUserId))))
        .returning({ id: positions.id });
      return rows.length === 1;
    },
  };
}

const positionColumns = {
  id: positions.id,
  accountId: positions.accountId,
  symbol: positions.symbol,
  quantity: positions.quantity,
  asOfDate: positions.asOfDate,
  createdAt: positions.createdAt,
  updatedAt: positions.updatedAt,
};
