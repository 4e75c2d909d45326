import type { TerminalJobStatus } from '@alex/contracts';
import type { Repositories } from '@alex/database';
import { errorMessage, isTransientError } from '@alex/errors';
import type { LanguageModel, ModelPriceTable } from '@alex/llm';
import type { AgentCoreDeps, AgentInvoker, MarketData, Metrics, TransientRetryOptions } from '@alex/runtime';
import { claimJob } from './claim-job';
import { failJob, orchestrate } from './orchestrate-job';
import { hasRetirementGoals } from './plan-rules';

/** What the planner core needs. */
export interface PlannerDeps extends AgentCoreDeps<Repositories, LanguageModel> {
  invoker: AgentInvoker;
  marketData: MarketData;
  /** Jobs by outcome, fallbacks, agent durations, tokens, dollars and gaps (none recorded when unset). */
  metrics?: Metrics;
  /** Turns the job's tokens into dollars (the published defaults when unset). */
  modelPrices?: ModelPriceTable;
  /**
   * Who runs this planner: `lambda:<awsRequestId>` in AWS, `local:<host>:<pid>` locally. Each run claims its
   * job as `<claimOwner>/<run id>`, so two runs in one process never share a claim. Random when unset.
   */
  claimOwner?: string;
  /** How long a claim holds without renewal; the heartbeat renews it every third of it (default 120 s). */
  leaseMs?: number;
  /** Time left for this invocation; database retries stop a margin before it (unbounded when unset). */
  remainingTimeMs?: () => number;
  /** Overrides of the database retry policy (default: 200 ms doubling to 5 s, at most 60 s per call). */
  retry?: TransientRetryOptions;
}

/** The default lease of a planner's claim: short, because the heartbeat renews it while the planner lives. */
export const DEFAULT_LEASE_MS = 120_000;

/** How a planner run ended for one job id. */
export type PlannerOutcome =
  | { kind: 'finished'; jobId: string; status: 'completed' | 'failed' }
  | { kind: 'duplicate'; jobId: string; status: TerminalJobStatus }
  | { kind: 'busy'; jobId: string; claimedBy: string | null; leaseExpiresAt: Date | null }
  | { kind: 'not_found'; jobId: string };

/**
 * Runs one analysis job: claims it under a lease kept alive by a heartbeat (a finished job or a live claim
 * elsewhere does nothing), tags what lacks allocations, refreshes prices, lets the model choose specialists,
 * runs what the rules require and the model missed, and records the outcome. Database calls retry transient
 * errors; a transient failure that outlasts them hands the job back for SQS to retry (until the final
 * attempt); anything else ends the job failed.
 */
export async function runPlanner(
  input: { jobId: string; finalAttempt?: boolean },
  deps: PlannerDeps,
): Promise<PlannerOutcome> {
  const claim = await claimJob(input.jobId, deps);
  if (!claim.ok) return claim.outcome;
  const { job, owner, heartbeat, deps: runDeps } = claim;
  try {
    const portfolio = await runDeps.repos.portfolios.load(job.clerkUserId);
    if (!portfolio) return await failJob(runDeps, job, `user ${job.clerkUserId} not found`);
    // Goals alone are enough for a projection (contributions from nothing); without either there is nothing.
    if (portfolio.accounts.length === 0 && !hasRetirementGoals(portfolio))
      return await failJob(runDeps, job, 'the user has no accounts to analyse and no retirement goals');
    return await orchestrate(job, portfolio, runDeps);
  } catch (error) {
    heartbeat.stop();
    if (isTransientError(error) && input.finalAttempt !== true) {
      // Hand the job back so the redelivered message can claim it; the caller reports the record as failed.
      // If even that fails, the lease expires and the next delivery (or the sweep) takes the job over.
      runDeps.logger.warn('transient failure; the job will be retried', { error: errorMessage(error) });
      await runDeps.repos.jobs.release(job.id, owner).catch((releaseError: unknown) => {
        runDeps.logger.warn('could not hand the job back; its lease will expire', {
          error: errorMessage(releaseError),
        });
      });
      throw error;
    }
    runDeps.logger.error('planner stopped on an unexpected error', { error: errorMessage(error) });
    return failJob(runDeps, job, 'the analysis stopped on an internal error; it has been logged');
  } finally {
    heartbeat.stop();
  }
}
