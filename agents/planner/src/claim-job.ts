import { randomUUID } from 'node:crypto';
import type { Job } from '@alex/contracts';
import type { JobsRepository, Repositories } from '@alex/database';
import { errorMessage } from '@alex/errors';
import { retryingRepositories } from '@alex/runtime';
import { type Heartbeat, startHeartbeat } from './heartbeat';
import { DEFAULT_LEASE_MS, type PlannerDeps, type PlannerOutcome } from './run-planner';

/** A claimed job, its owner, its heartbeat and the deps to run it with (retrying, fenced repositories). */
export type ClaimedJob =
  | { ok: true; job: Job; owner: string; heartbeat: Heartbeat; deps: PlannerDeps }
  | { ok: false; outcome: PlannerOutcome };

// The planner's repositories: every call retries transient errors within the invocation's time.
function plannerRepositories(deps: PlannerDeps): Repositories {
  return retryingRepositories(deps.repos, {
    ...(deps.remainingTimeMs ? { remainingTimeMs: deps.remainingTimeMs } : {}),
    onRetry: ({ attempt, delayMs, error }) =>
      deps.logger.warn('database call failed; retrying', { attempt, delayMs, error: errorMessage(error) }),
    ...deps.retry,
  });
}

/**
 * Jobs whose `finish` only lands while `owner` still holds the claim (a taken-over run records nothing), and
 * stops the heartbeat first, so a beat racing the finish is not mistaken for a lost claim.
 */
function fencedJobs(jobs: JobsRepository, owner: string, heartbeat: Heartbeat): JobsRepository {
  return {
    ...jobs,
    finish: (id, status, message, options) => {
      heartbeat.stop();
      return jobs.finish(id, status, message, { ...options, fence: options?.fence ?? { owner } });
    },
  };
}

/**
 * Claims a job for this run (`<claimOwner>/<run id>`) through the retrying repositories and starts the
 * heartbeat that renews its lease every third of the lease. A refusal becomes the run's outcome.
 */
export async function claimJob(jobId: string, deps: PlannerDeps): Promise<ClaimedJob> {
  const owner = `${deps.claimOwner ?? 'planner'}/${randomUUID().slice(0, 8)}`;
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const repos = plannerRepositories(deps);
  const claim = await repos.jobs.claim(jobId, { owner, leaseMs });
  if (!claim.ok) {
    const { error } = claim;
    if (error.reason === 'not_found') return { ok: false, outcome: { kind: 'not_found', jobId } };
    if (error.reason === 'finished') {
      deps.logger.info('duplicate delivery ignored: the job has finished', { status: error.status });
      return { ok: false, outcome: { kind: 'duplicate', jobId, status: error.status } };
    }
    deps.logger.info('the job is claimed by a live attempt', {
      claimedBy: error.claimedBy,
      leaseExpiresAt: error.leaseExpiresAt?.toISOString() ?? null,
    });
    return {
      ok: false,
      outcome: { kind: 'busy', jobId, claimedBy: error.claimedBy, leaseExpiresAt: error.leaseExpiresAt },
    };
  }
  const logger = deps.logger.child({
    claimedBy: owner,
    attempt: claim.job.attempts,
    userId: claim.job.clerkUserId,
  });
  const heartbeat = startHeartbeat({
    renew: () => repos.jobs.renewLease(jobId, owner, leaseMs),
    intervalMs: Math.max(1, Math.floor(leaseMs / 3)),
    logger,
  });
  return {
    ok: true,
    job: claim.job,
    owner,
    heartbeat,
    deps: { ...deps, logger, repos: { ...repos, jobs: fencedJobs(repos.jobs, owner, heartbeat) } },
  };
}
