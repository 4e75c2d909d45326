import type { Job, JsonObject } from '@alex/contracts';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AlexDatabase } from '../drivers/alex-database';
import { JobRow, parseRow } from '../rows';
import { jobs, users } from '../schema';
import { isUuid } from './accounts';

/** A job without its payloads: what a list of a user's jobs shows. */
export const JobSummary = JobRow.pick({
  id: true,
  clerkUserId: true,
  jobType: true,
  status: true,
  errorMessage: true,
  createdAt: true,
  startedAt: true,
  completedAt: true,
  updatedAt: true,
});
export type JobSummary = z.output<typeof JobSummary>;

/** The outcome of asking for an analysis: the new job, or the user's analysis already under way. */
export type StartAnalysisResult = { ok: true; job: Job; created: boolean } | { ok: false; error: 'no_user' };

/** One user's jobs: every function takes the owner and touches only that owner's rows. */
export interface UserJobsRepository {
  /**
   * The user's newest jobs first, without the payload columns: a model-length report is tens of kilobytes and
   * the Data API returns at most 1 MiB per statement.
   */
  list(clerkUserId: string, limit?: number): Promise<JobSummary[]>;
  /** The whole job when the user owns it; null for another user's job, an unknown id or a non-uuid. */
  find(clerkUserId: string, id: string): Promise<Job | null>;
  /**
   * Creates a pending `portfolio_analysis` job unless the user already has a pending or running one, which is
   * returned instead. The user's row is locked for the check and the insert, so concurrent requests of one
   * user create one job between them.
   */
  startAnalysis(clerkUserId: string, requestPayload: JsonObject): Promise<StartAnalysisResult>;
}

const summaryColumns = {
  id: jobs.id,
  clerkUserId: jobs.clerkUserId,
  jobType: jobs.jobType,
  status: jobs.status,
  errorMessage: jobs.errorMessage,
  createdAt: jobs.createdAt,
  startedAt: jobs.startedAt,
  completedAt: jobs.completedAt,
  updatedAt: jobs.updatedAt,
};

const parseJob = (row: unknown) => parseRow(JobRow, row, 'jobs');

/** Creates the user-scoped jobs repository over a database. */
export function userJobsRepository(db: AlexDatabase): UserJobsRepository {
  return {
    async list(clerkUserId, limit = 100) {
      const rows = await db
        .select(summaryColumns)
        .from(jobs)
        .where(eq(jobs.clerkUserId, clerkUserId))
        .orderBy(desc(jobs.createdAt), desc(jobs.id))
        .limit(limit);
      return rows.map((row) => parseRow(JobSummary, row, 'jobs'));
    },
    async find(clerkUserId, id) {
      if (!isUuid(id)) return null;
      const rows = await db
        .select()
        .from(jobs)
        .where(and(eq(jobs.id, id), eq(jobs.clerkUserId, clerkUserId)))
        .limit(1);
      return rows[0] ? parseJob(rows[0]) : null;
    },
    async startAnalysis(clerkUserId, requestPayload) {
      return db.transaction(async (tx) => {
        // The row lock serialises one user's requests; each later statement (READ COMMITTED) sees the job a
        // request that held the lock before committed.
        const owner = await tx
          .select({ id: users.clerkUserId })
          .from(users)
          .where(eq(users.clerkUserId, clerkUserId))
          .for('update');
        if (owner.length === 0) return { ok: false, error: 'no_user' } as const;
        const active = await tx
          .select()
          .from(jobs)
          .where(and(eq(jobs.clerkUserId, clerkUserId), inArray(jobs.status, ['pending', 'running'])))
          .orderBy(desc(jobs.createdAt))
          .limit(1);
        if (active[0]) return { ok: true, job: parseJob(active[0]), created: false } as const;
        const created = await tx
          .insert(jobs)
          .values({ clerkUserId, jobType: 'portfolio_analysis', status: 'pending', requestPayload })
          .returning();
        return { ok: true, job: parseJob(created[0]), created: true } as const;
      });
    },
  };
}
