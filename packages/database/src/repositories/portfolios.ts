import { type Account, type Job, Portfolio, type Position } from '@alex/contracts';
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AlexDatabase } from '../drivers/alex-database';
import { Decimal, InstrumentRow, parseRow } from '../rows';
import { accounts, instruments, positions } from '../schema';
import { AccountRecord } from './accounts';
import { jobsRepository } from './jobs';
import { usersRepository } from './users';

/** An account to write, with its holdings. */
export interface AccountInput {
  accountName: string;
  accountPurpose: string | null;
  cashBalance: number;
  cashInterest: number;
  positions: readonly { symbol: string; quantity: number }[];
}

/** Loads whole portfolios and replaces a user's accounts. */
export interface PortfoliosRepository {
  /** The user with accounts, positions and instruments in three queries, or null for an unknown user. */
  load(clerkUserId: string): Promise<Portfolio | null>;
  /** Deletes the user's accounts (and their positions) and writes these instead; run inside a transaction. */
  replaceAccounts(clerkUserId: string, accounts: readonly AccountInput[]): Promise<void>;
  /**
   * The portfolio behind a running job, or why an agent must not work on it (unknown, not running, or run by
   * a later attempt than the one given).
   */
  loadForRunningJob(
    jobId: string,
    attempt?: number,
  ): Promise<{ ok: true; value: { job: Job; portfolio: Portfolio } } | { ok: false; error: string }>;
}

const PositionRow = z.object({
  id: z.string(),
  accountId: z.string(),
  symbol: z.string(),
  quantity: Decimal,
  asOfDate: z.string(),
  instrument: InstrumentRow,
});

async function loadAccounts(db: AlexDatabase, clerkUserId: string): Promise<Omit<Account, 'positions'>[]> {
  const rows = await db
    .select()
    .from(accounts)
    .where(eq(accounts.clerkUserId, clerkUserId))
    .orderBy(asc(accounts.createdAt), asc(accounts.accountName), asc(accounts.id));
  return rows.map((row) => parseRow(AccountRecord, row, 'accounts'));
}

async function loadPositions(db: AlexDatabase, clerkUserId: string): Promise<Position[]> {
  const rows = await db
    .select({
      id: positions.id,
      accountId: positions.accountId,
      symbol: positions.symbol,
      quantity: positions.quantity,
      asOfDate: positions.asOfDate,
      instrument: instruments,
    })
    .from(positions)
    .innerJoin(accounts, eq(positions.accountId, accounts.id))
    .innerJoin(instruments, eq(positions.symbol, instruments.symbol))
    .where(eq(accounts.clerkUserId, clerkUserId))
    .orderBy(asc(positions.symbol));
  return rows.map((row) => parseRow(PositionRow, row, 'positions'));
}

/** Creates the portfolios repository over a database. */
export function portfoliosRepository(db: AlexDatabase): PortfoliosRepository {
  const repository: PortfoliosRepository = {
    async loadForRunningJob(jobId, attempt) {
      const job = await jobsRepository(db).find(jobId);
      if (!job) return { ok: false, error: `job ${jobId} not found` };
      if (job.status !== 'running') return { ok: false, error: `job ${jobId} is ${job.status}, not running` };
      if (attempt !== undefined && job.attempts !== attempt)
        return { ok: false, error: `job ${jobId} is on attempt ${job.attempts}, not ${attempt}` };
      const portfolio = await repository.load(job.clerkUserId);
      if (!portfolio) return { ok: false, error: `user ${job.clerkUserId} not found` };
      return { ok: true, value: { job, portfolio } };
    },
    async load(clerkUserId) {
      const user = await usersRepository(db).find(clerkUserId);
      if (!user) return null;
      const [accountRows, positionRows] = [
        await loadAccounts(db, clerkUserId),
        await loadPositions(db, clerkUserId),
      ];
      const accountList = accountRows.map((account) => ({
        ...account,
        positions: positionRows.filter((position) => position.accountId === account.id),
      }));
      return Portfolio.parse({ user, accounts: accountList });
    },
    async replaceAccounts(clerkUserId, inputs) {
      await db.delete(accounts).where(eq(accounts.clerkUserId, clerkUserId));
      for (const input of inputs) {
        const [created] = await db
          .insert(accounts)
          .values({
            clerkUserId,
            accountName: input.accountName,
            accountPurpose: input.accountPurpose,
            cashBalance: input.cashBalance,
            cashInterest: input.cashInterest,
            // clock_timestamp, not now(): accounts written in one transaction keep their order.
            createdAt: sql`clock_timestamp()`,
          })
          .returning({ id: accounts.id });
        if (!created || input.positions.length === 0) continue;
        await db
          .insert(positions)
          .values(
            input.positions.map((p) => ({ accountId: created.id, symbol: p.symbol, quantity: p.quantity })),
          );
      }
    },
  };
  return repository;
}
