import type { Job, JobPayloadColumn, JobType, JsonObject, TerminalJobStatus } from '@alex/contracts';
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AlexDatabase } from '../drivers/alex-database';
import { JobRow, parseRow } from '../rows';
import { jobs } from '../schema';

/** Why a job could not be claimed. */
export type ClaimRefusal = { reason: 'not_found' } | { reason: 'not_pending'; status: Job['status'] };

/** The outcome of a claim: the running job, or why this caller must not run it. */
export type ClaimResult = { ok: true; job: Job } | { ok: false; error: ClaimRefusal };

/** Input of a new job. */
export interface NewJob {
  /** A caller-chosen id (e.g. an idempotency key from the API); generated when omitted. */
  id?: string;
  clerkUserId: string;
  jobType: JobType;
  requestPayload: JsonObject | null;
}

/** Job lifecycle: create, claim once, save each agent's payload, finish. */
export interface JobsRepository {
  create(input: NewJob): Promise<Job>;
  /** The job, or null when the id is unknown or not a uuid. */
  find(id: string): Promise<Job | null>;
  listByUser(clerkUserId: string, limit?: number): Promise<Job[]>;
  /**
   * Moves pending -> running atomically; of any number of concurrent callers exactly one wins. With
   * `staleAfterMs`, a job left running longer than that (its planner crashed or timed out) can be claimed again.
   */
  claim(id: string, options?: { staleAfterMs?: number }): Promise<ClaimResult>;
  /** Returns a running job to pending so a redelivery can claim it again (transient failures). */
  release(id: string): Promise<boolean>;
  /** Stores one agent's payload while the job is running; false when it is not. */
  savePayload(id: string, column: JobPayloadColumn, payload: JsonObject): Promise<boolean>;
  /** Ends a pending or running job; a finished job never changes again. */
  finish(id: string, status: TerminalJobStatus, errorMessage?: string | null): Promise<boolean>;
}

const JobId = z.uuid();
const MAX_ERROR_LENGTH = 500;

const PAYLOAD_FIELDS = {
  report_payload: 'reportPayload',
  charts_payload: 'chartsPayload',
  retirement_payload: 'retirementPayload',
  summary_payload: 'summaryPayload',
} as const satisfies Record<JobPayloadColumn, keyof typeof jobs.$inferInsert>;

/** Keeps a stored error message to one readable line of bounded length. */
export function toUserSafeMessage(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > MAX_ERROR_LENGTH ? `${line.slice(0, MAX_ERROR_LENGTH - 1)}…` : line;
}

function parseJob(row: unknown): Job {
  return parseRow(JobRow, row, 'jobs');
}

/** Creates the jobs repository over a database. */
export function jobsRepository(db: AlexDatabase): JobsRepository {
  const isJobId = (id: string) => JobId.safeParse(id).success;
  const find = async (id: string): Promise<Job | null> => {
    if (!isJobId(id)) return null;
    const rows = await db.select().from(jobs).where(eq(jobs.id, id)).limit(1);
    return rows[0] ? parseJob(rows[0]) : null;
  };
  return {
    find,
    async create(input) {
      const rows = await db
        .insert(jobs)
        .values({ ...input, status: 'pending' })
        .returning();
      return parseJob(rows[0]);
    },
    async listByUser(clerkUserId, limit = 20) {
      const rows = await db
        .select()
        .from(jobs)
        .where(eq(jobs.clerkUserId, clerkUserId))
        .orderBy(desc(jobs.createdAt))
        .limit(limit);
      return rows.map(parseJob);
    },
    async claim(id, options = {}) {
      if (!isJobId(id)) return { ok: false, error: { reason: 'not_found' } };
      const stale = options.staleAfterMs
        ? and(
            eq(jobs.status, 'running'),
            sql`${jobs.claimedAt} < now() - make_interval(secs => ${options.staleAfterMs / 1000}::double precision)`,
          )
        : undefined;
      const rows = await db
        .update(jobs)
        .set({
          status: 'running',
          attempts: sql`${jobs.attempts} + 1`,
          startedAt: sql`coalesce(${jobs.startedAt}, now())`,
          claimedAt: sql`now()`,
        })
        .where(
          and(eq(jobs.id, id), stale ? or(eq(jobs.status, 'pending'), stale) : eq(jobs.status, 'pending')),
        )
        .returning();
      if (rows[0]) return { ok: true, job: parseJob(rows[0]) };
      const current = await find(id);
      if (!current) return { ok: false, error: { reason: 'not_found' } };
      return { ok: false, error: { reason: 'not_pending', status: current.status } };
    },
    async release(id) {
      if (!isJobId(id)) return false;
      const rows = await db
        .update(jobs)
        .set({ status: 'pending', claimedAt: null })
        .where(and(eq(jobs.id, id), eq(jobs.status, 'running')))
        .returning({ id: jobs.id });
      return rows.length === 1;
    },
    async savePayload(id, column, payload) {
      if (!isJobId(id)) return false;
      const rows = await db
        .update(jobs)
        .set({ [PAYLOAD_FIELDS[column]]: payload })
        .where(and(eq(jobs.id, id), eq(jobs.status, 'running')))
        .returning({ id: jobs.id });
      return rows.length === 1;
    },
    async finish(id, status, errorMessage = null) {
      if (!isJobId(id)) return false;
      const rows = await db
        .update(jobs)
        .set({
          status,
          errorMessage: errorMessage === null ? null : toUserSafeMessage(errorMessage),
          completedAt: sql`now()`,
        })
        .where(and(eq(jobs.id, id), inArray(jobs.status, ['pending', 'running'])))
        .returning({ id: jobs.id });
      return rows.length === 1;
    },
  };
}
