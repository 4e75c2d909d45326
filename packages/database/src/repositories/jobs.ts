import { randomUUID } from 'node:crypto';
import type { Job, JobPayloadColumn, JobType, JsonObject, TerminalJobStatus } from '@alex/contracts';
import { and, asc, desc, eq, getTableColumns, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AlexDatabase } from '../drivers/alex-database';
import { JobRow, parseRow } from '../rows';
import { jobs } from '../schema';
import {
  busy,
  type ClaimFence,
  type ClaimOptions,
  type ClaimResult,
  claimable,
  claimValues,
  DEFAULT_LEASE_MS,
  heldBy,
  LEASE_EXPIRED,
  leaseEnd,
  UNCLAIMED,
  UNCLAIMED_LEASE,
} from './job-claims';

export type { ClaimFence, ClaimOptions, ClaimRefusal, ClaimResult } from './job-claims';
export { DEFAULT_LEASE_MS } from './job-claims';

/** A pending or running job as the sweep sees it, judged by the database's clock. */
export interface UnfinishedJob {
  job: Job;
  /** Running and its lease has expired (or it has none and was claimed over 15 minutes ago). */
  leaseExpired: boolean;
  /** Milliseconds since the row last changed. */
  idleMs: number;
}

/** Input of a new job. */
export interface NewJob {
  /** A caller-chosen id (e.g. an idempotency key from the API); generated when omitted. */
  id?: string;
  clerkUserId: string;
  jobType: JobType;
  requestPayload: JsonObject | null;
}

/** Job lifecycle: create, claim under a lease, save each agent's payload, finish. */
export interface JobsRepository {
  create(input: NewJob): Promise<Job>;
  /** The job, or null when the id is unknown or not a uuid. */
  find(id: string): Promise<Job | null>;
  listByUser(clerkUserId: string, limit?: number): Promise<Job[]>;
  /**
   * Claims a job for `owner` until the lease expires, in one conditional UPDATE: pending -> running, a running
   * job whose lease has expired is taken over (attempts + 1), and the same owner's claim is re-confirmed (a
   * retry after a lost response). Of any number of concurrent claimers exactly one wins.
   */
  claim(id: string, options?: ClaimOptions): Promise<ClaimResult>;
  /** Extends the owner's lease; false when the owner no longer holds the claim. */
  renewLease(id: string, owner: string, leaseMs: number): Promise<boolean>;
  /** Returns the owner's running job to pending so a redelivery can claim it again (transient failures). */
  release(id: string, owner: string): Promise<boolean>;
  /** Takes an abandoned claim back to pending without counting an attempt, if the fence still holds. */
  requeue(id: string, fence: ClaimFence): Promise<boolean>;
  /** Pending and running jobs, oldest change first, for the sweep of abandoned jobs. */
  listUnfinished(limit?: number): Promise<UnfinishedJob[]>;
  /** Stores one agent's payload while the job is running; false when it is not. */
  savePayload(
    id: string,
    column: JobPayloadColumn,
    payload: JsonObject,
    options?: { attempt?: number },
  ): Promise<boolean>;
  /**
   * Ends a pending or running job (only under the fence's claim when given, storing `summary` with it);
   * a finished job never changes again.
   */
  finish(
    id: string,
    status: TerminalJobStatus,
    errorMessage?: string | null,
    options?: { fence?: ClaimFence; summary?: JsonObject },
  ): Promise<boolean>;
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
  // Back to pending, nobody's claim: a planner handing its job back, or the sweep taking an abandoned one.
  const unclaim = async (id: string, fence: ClaimFence): Promise<boolean> => {
    if (!isJobId(id)) return false;
    const rows = await db
      .update(jobs)
      .set(UNCLAIMED)
      .where(and(eq(jobs.id, id), heldBy(fence)))
      .returning({ id: jobs.id });
    return rows.length === 1;
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
    async claim(id, options = { owner: `anonymous:${randomUUID()}`, leaseMs: DEFAULT_LEASE_MS }) {
      if (!isJobId(id)) return { ok: false, error: { reason: 'not_found' } };
      // A job another caller released between our UPDATE and our read is pending again: try once more.
      for (let round = 0; round < 2; round++) {
        const rows = await db
          .update(jobs)
          .set(claimValues(options))
          .where(and(eq(jobs.id, id), claimable(options.owner)))
          .returning();
        if (rows[0]) return { ok: true, job: parseJob(rows[0]) };
        const current = await find(id);
        if (!current) return { ok: false, error: { reason: 'not_found' } };
        if (current.status === 'completed' || current.status === 'failed')
          return { ok: false, error: { reason: 'finished', status: current.status } };
        if (current.status === 'running') return { ok: false, error: busy(current) };
      }
      const current = await find(id);
      return { ok: false, error: current ? busy(current) : { reason: 'not_found' } };
    },
    async renewLease(id, owner, leaseMs) {
      if (!isJobId(id)) return false;
      const rows = await db
        .update(jobs)
        .set({ leaseExpiresAt: leaseEnd(leaseMs) })
        .where(and(eq(jobs.id, id), heldBy({ owner })))
        .returning({ id: jobs.id });
      return rows.length === 1;
    },
    release: (id, owner) => unclaim(id, { owner }),
    requeue: unclaim,
    async listUnfinished(limit = 100) {
      const rows = await db
        .select({
          ...getTableColumns(jobs),
          leaseExpired: sql<unknown>`(${jobs.status} = 'running' AND ${LEASE_EXPIRED})`,
          idleMs: sql<unknown>`(extract(epoch from (now() - ${jobs.updatedAt})) * 1000)::double precision`,
        })
        .from(jobs)
        .where(or(eq(jobs.status, 'pending'), eq(jobs.status, 'running')))
        .orderBy(asc(jobs.updatedAt))
        .limit(limit);
      return rows.map(({ leaseExpired, idleMs, ...row }) => ({
        job: parseJob(row),
        leaseExpired: leaseExpired === true || leaseExpired === 't' || leaseExpired === 'true',
        idleMs: Math.max(0, Number(idleMs)),
      }));
    },
    async savePayload(id, column, payload, options = {}) {
      if (!isJobId(id)) return false;
      // With an attempt, only that attempt may write: a superseded run's late result is dropped.
      const attempt = options.attempt === undefined ? undefined : eq(jobs.attempts, options.attempt);
      const rows = await db
        .update(jobs)
        .set({ [PAYLOAD_FIELDS[column]]: payload })
        .where(and(eq(jobs.id, id), eq(jobs.status, 'running'), attempt))
        .returning({ id: jobs.id });
      return rows.length === 1;
    },
    async finish(id, status, errorMessage = null, options = {}) {
      if (!isJobId(id)) return false;
      const rows = await db
        .update(jobs)
        .set({
          status,
          errorMessage: errorMessage === null ? null : toUserSafeMessage(errorMessage),
          completedAt: sql`now()`,
          ...UNCLAIMED_LEASE,
          ...(options.summary ? { summaryPayload: options.summary } : {}),
        })
        .where(
          and(
            eq(jobs.id, id),
            options.fence ? heldBy(options.fence) : inArray(jobs.status, ['pending', 'running']),
          ),
        )
        .returning({ id: jobs.id });
      return rows.length === 1;
    },
  };
}
