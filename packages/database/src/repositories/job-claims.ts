import type { Job, TerminalJobStatus } from '@alex/contracts';
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { jobs } from '../schema';

/** Why a job could not be claimed. */
export type ClaimRefusal =
  | { reason: 'not_found' }
  | { reason: 'finished'; status: TerminalJobStatus }
  | { reason: 'busy'; leaseExpiresAt: Date | null; claimedBy: string | null };

/** The outcome of a claim: the running job, or why this caller must not run it. */
export type ClaimResult = { ok: true; job: Job } | { ok: false; error: ClaimRefusal };

/** Who claims a job and for how long; the owner renews the lease while it works. */
export interface ClaimOptions {
  /** The claim's owner, e.g. `lambda:<request id>` or `local:<host>:<pid>`. */
  owner: string;
  /** How long the claim holds without a renewal. */
  leaseMs: number;
}

/** The claim an update must still find, so a caller never overwrites a claim it did not see. */
export interface ClaimFence {
  /** The owner the job must still be claimed by (null: claimed by nobody, as before leases existed). */
  owner: string | null;
  /** The attempt the job must still be on. */
  attempts?: number;
  /** Only while the lease has expired (the owner stopped renewing it). */
  expiredOnly?: boolean;
}

/** The lease of a claim made with no options (tests, one-off tools). */
export const DEFAULT_LEASE_MS = 120_000;

// A claim without a lease (made before leases existed) counts as expired 15 minutes after it was made.
export const LEASE_EXPIRED = sql`coalesce(${jobs.leaseExpiresAt}, ${jobs.claimedAt} + interval '15 minutes', ${jobs.createdAt}) < now()`;

export const leaseEnd = (leaseMs: number) =>
  sql`now() + make_interval(secs => ${leaseMs / 1000}::double precision)`;

// The lease columns of a job nobody holds; a finished job keeps who claimed it last.
export const UNCLAIMED_LEASE = { leaseExpiresAt: null } as const;
export const UNCLAIMED = {
  status: 'pending',
  claimedAt: null,
  claimedBy: null,
  leaseExpiresAt: null,
} as const;

/** Pending, or running under an expired lease, or already claimed by this owner. */
export function claimable(owner: string) {
  return or(
    eq(jobs.status, 'pending'),
    and(eq(jobs.status, 'running'), or(LEASE_EXPIRED, eq(jobs.claimedBy, owner))),
  );
}

/** The values of a claim; the same owner re-confirming its claim keeps its attempt and claim time. */
export function claimValues({ owner, leaseMs }: ClaimOptions) {
  const sameClaim = sql`(${jobs.status} = 'running' AND ${jobs.claimedBy} IS NOT NULL AND ${jobs.claimedBy} = ${owner}::varchar)`;
  return {
    status: 'running',
    attempts: sql`CASE WHEN ${sameClaim} THEN ${jobs.attempts} ELSE ${jobs.attempts} + 1 END`,
    startedAt: sql`coalesce(${jobs.startedAt}, now())`,
    claimedAt: sql`CASE WHEN ${sameClaim} THEN ${jobs.claimedAt} ELSE now() END`,
    claimedBy: owner,
    leaseExpiresAt: leaseEnd(leaseMs),
  } as const;
}

/** A running job still held under the fence's claim. */
export function heldBy(fence: ClaimFence) {
  return and(
    eq(jobs.status, 'running'),
    fence.owner === null ? isNull(jobs.claimedBy) : eq(jobs.claimedBy, fence.owner),
    fence.attempts === undefined ? undefined : eq(jobs.attempts, fence.attempts),
    fence.expiredOnly ? LEASE_EXPIRED : undefined,
  );
}

/** The refusal of a claim on a job someone else holds. */
export function busy(job: Job): ClaimRefusal {
  return { reason: 'busy', leaseExpiresAt: job.leaseExpiresAt, claimedBy: job.claimedBy };
}
