import type { AnalysisJobMessage, Job } from '@alex/contracts';
import type { ClaimFence, Repositories, UnfinishedJob } from '@alex/database';
import { errorMessage } from '@alex/errors';
import { type Logger, type Metrics, NO_METRICS, retryingRepositories } from '@alex/runtime';
import { recordJobMetrics } from './job-metrics';
import { failureSummary } from './job-summary';

/** What the sweep needs. */
export interface SweepDeps {
  repos: Repositories;
  /** A job the sweep fails is counted like any failed job (none recorded when unset). */
  metrics?: Metrics;
  /** Sends a job's message to the jobs queue again. */
  enqueue: (message: AnalysisJobMessage) => Promise<unknown>;
  /** A job claimed this many times is failed instead of resumed (the queue's maxReceiveCount). */
  maxAttempts: number;
  /** Whether a claim's owner still runs: false takes the job over before its lease expires; undefined: unknown. */
  isOwnerAlive?: (owner: string) => boolean | undefined;
  /** A pending job unchanged for this long may have lost its message: it is sent again. */
  pendingAfterMs: number;
  logger: Logger;
  /** Time left for the sweep's invocation; database retries stop before it. */
  remainingTimeMs?: () => number;
  /** How many unfinished jobs one sweep looks at (oldest change first; default 200). */
  limit?: number;
}

/** What one sweep did, by job id. */
export interface SweepReport {
  /** Running jobs taken from a dead or silent owner, back to pending with their message re-sent. */
  resumed: string[];
  /** Abandoned jobs that had used every attempt, now failed. */
  failed: string[];
  /** Pending jobs whose message was sent again. */
  resent: string[];
}

/** The user-facing reason an abandoned job is stopped. */
export function interruptedMessage(attempts: number): string {
  const times = attempts === 1 ? 'once' : `${attempts} times`;
  return `the analysis was interrupted ${times} and has been stopped; run it again`;
}

const message = (job: Job): AnalysisJobMessage => ({ job_id: job.id, clerk_user_id: job.clerkUserId });

/** Who queued a pending job, when its submitter recorded itself (`request_payload.submitted_by`, local runs). */
export function submittedBy(job: Job): string | null {
  const submitter = job.requestPayload?.submitted_by;
  return typeof submitter === 'string' ? submitter : null;
}

/**
 * Whether a pending job's message should be sent again: at once when its recorded submitter is known dead
 * (its in-memory queue died with it), never while that submitter lives (it delivers the job itself), and
 * otherwise once the job has been idle for `pendingAfterMs`.
 */
function shouldResend(entry: UnfinishedJob, deps: SweepDeps): boolean {
  const submitter = submittedBy(entry.job);
  const alive = submitter !== null ? deps.isOwnerAlive?.(submitter) : undefined;
  if (alive === false) return true;
  if (alive === true) return false;
  return entry.idleMs >= deps.pendingAfterMs;
}

async function endAbandoned(entry: UnfinishedJob, ownerDead: boolean, deps: SweepDeps, report: SweepReport) {
  const { job } = entry;
  // Only the claim the sweep saw is touched: not a renewed lease (unless its owner is dead), not a new claim.
  const fence: ClaimFence = { owner: job.claimedBy, attempts: job.attempts, expiredOnly: !ownerDead };
  const logger = deps.logger.child({ jobId: job.id, claimedBy: job.claimedBy, attempts: job.attempts });
  if (job.attempts >= deps.maxAttempts) {
    const reason = interruptedMessage(job.attempts);
    const now = new Date();
    const summary = failureSummary(reason, job.startedAt ?? now, now, false);
    if (await deps.repos.jobs.finish(job.id, 'failed', reason, { fence, summary })) {
      logger.warn('abandoned job failed: every attempt was interrupted');
      recordJobMetrics(deps.metrics ?? NO_METRICS, summary, job.attempts);
      report.failed.push(job.id);
    }
    return;
  }
  if (!(await deps.repos.jobs.requeue(job.id, fence))) return;
  logger.warn(ownerDead ? 'job of a dead process resumed' : 'job with an expired lease resumed');
  report.resumed.push(job.id);
  // Should this send fail, the job is pending and the next sweep sends it once it is stale.
  await deps.enqueue(message(job));
}

/**
 * Ends every abandoned job or hands it back: a running job whose lease expired (its planner crashed, timed out
 * or lost the database) or whose owner is known dead goes back to pending with its message re-sent, or is
 * failed with a summary once it has used `maxAttempts`; a pending job whose submitter is dead, or that has been
 * idle for `pendingAfterMs`, has its message re-sent (a duplicate is harmless: claims dedupe). Live claims,
 * and pending jobs of a live submitter, are never touched.
 */
export async function sweepAbandonedJobs(deps: SweepDeps): Promise<SweepReport> {
  const repos = retryingRepositories(deps.repos, {
    ...(deps.remainingTimeMs ? { remainingTimeMs: deps.remainingTimeMs } : {}),
  });
  const run = { ...deps, repos };
  const report: SweepReport = { resumed: [], failed: [], resent: [] };
  for (const entry of await repos.jobs.listUnfinished(deps.limit ?? 200)) {
    const { job } = entry;
    try {
      if (job.status === 'running') {
        const ownerDead = job.claimedBy !== null && deps.isOwnerAlive?.(job.claimedBy) === false;
        if (entry.leaseExpired || ownerDead) await endAbandoned(entry, ownerDead, run, report);
      } else if (shouldResend(entry, deps)) {
        await deps.enqueue(message(job));
        report.resent.push(job.id);
      }
    } catch (error) {
      deps.logger.error('sweep could not handle a job', { jobId: job.id, error: errorMessage(error) });
    }
  }
  if (report.resumed.length + report.failed.length + report.resent.length > 0)
    deps.logger.info('sweep finished', {
      resumed: report.resumed.length,
      failed: report.failed.length,
      resent: report.resent.length,
    });
  return report;
}
