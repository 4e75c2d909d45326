import type { Job } from '@alex/contracts';
import type { Repositories } from '@alex/database';
import type { LanguageModel } from '@alex/llm';
import {
  type AgentInvoker,
  type Clock,
  errorMessage,
  isTransientError,
  type Logger,
  type MarketData,
} from '@alex/runtime';
import { failJob, orchestrate } from './orchestrate-job';

/** What the planner core needs. */
export interface PlannerDeps {
  repos: Repositories;
  invoker: AgentInvoker;
  marketData: MarketData;
  llm: LanguageModel;
  logger: Logger;
  clock: Clock;
  /** A job running longer than this is taken to be abandoned (crash, timeout) and may be claimed again. */
  claimLeaseMs?: number;
}

/** The planner Lambda's timeout: after it, a running job's planner is certainly gone. */
export const DEFAULT_CLAIM_LEASE_MS = 15 * 60_000;

/** How a planner run ended for one job id. */
export type PlannerOutcome =
  | { kind: 'finished'; jobId: string; status: 'completed' | 'failed' }
  | { kind: 'duplicate'; jobId: string; status: Job['status'] }
  | { kind: 'not_found'; jobId: string };

/**
 * Runs one analysis job: claims it (a duplicate delivery does nothing), tags what lacks allocations, refreshes
 * prices, lets the model choose specialists, runs what the rules require and the model missed, and records
 * the outcome. A transient failure hands the job back for SQS to retry (until the final attempt); anything
 * else ends the job failed, so a claimed job is never left running.
 */
export async function runPlanner(
  input: { jobId: string; finalAttempt?: boolean },
  deps: PlannerDeps,
): Promise<PlannerOutcome> {
  const claim = await deps.repos.jobs.claim(input.jobId, {
    staleAfterMs: deps.claimLeaseMs ?? DEFAULT_CLAIM_LEASE_MS,
  });
  if (!claim.ok) {
    if (claim.error.reason === 'not_found') return { kind: 'not_found', jobId: input.jobId };
    deps.logger.info('duplicate delivery ignored', { jobId: input.jobId, status: claim.error.status });
    return { kind: 'duplicate', jobId: input.jobId, status: claim.error.status };
  }
  const job = claim.job;
  try {
    const portfolio = await deps.repos.portfolios.load(job.clerkUserId);
    if (!portfolio) return await failJob(deps, job, `user ${job.clerkUserId} not found`);
    if (portfolio.accounts.length === 0)
      return await failJob(deps, job, 'the user has no accounts to analyse');
    return await orchestrate(job, portfolio, deps);
  } catch (error) {
    if (isTransientError(error) && input.finalAttempt !== true) {
      // Hand the job back so the redelivered message can claim it; the caller reports the record as failed.
      deps.logger.warn('transient failure; the job will be retried', { error: errorMessage(error) });
      await deps.repos.jobs.release(job.id).catch(() => undefined);
      throw error;
    }
    deps.logger.error('planner stopped on an unexpected error', { error: errorMessage(error) });
    return failJob(deps, job, 'the analysis stopped on an internal error; it has been logged');
  }
}
