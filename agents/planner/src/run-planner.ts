import type { Job, Portfolio, SpecialistName } from '@alex/contracts';
import type { Repositories } from '@alex/database';
import { createUsageMeter, type LanguageModel, runModelStep } from '@alex/llm';
import {
  type AgentInvoker,
  type Clock,
  errorMessage,
  isTransientError,
  type Logger,
  type MarketData,
  type PriceRefresh,
} from '@alex/runtime';
import { buildSummary, failureSummary, judgeOutcome } from './job-summary';
import { planRules } from './plan-rules';
import { planWithModel } from './plan-with-model';
import { specialistRuns } from './specialist-runs';
import { tagMissingInstruments } from './tagging';

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

async function refreshPrices(deps: PlannerDeps, portfolio: Portfolio): Promise<PriceRefresh> {
  const symbols = [...new Set(portfolio.accounts.flatMap((a) => a.positions.map((p) => p.symbol)))];
  try {
    return await deps.marketData.refreshPrices(symbols);
  } catch (error) {
    deps.logger.warn('price refresh failed; stored prices kept', { error: errorMessage(error) });
    return {
      source: 'stored',
      updated: [],
      missing: [],
      stale: true,
      note: 'price refresh failed; stored prices used',
    };
  }
}

async function fail(deps: PlannerDeps, job: Job, message: string): Promise<PlannerOutcome> {
  deps.logger.warn('job failed', { reason: message });
  const summary = failureSummary(
    message,
    job.startedAt ?? deps.clock.now(),
    deps.clock.now(),
    deps.llm.model === null,
  );
  await deps.repos.jobs.savePayload(job.id, 'summary_payload', summary);
  await deps.repos.jobs.finish(job.id, 'failed', message);
  return { kind: 'finished', jobId: job.id, status: 'failed' };
}

async function orchestrate(job: Job, portfolio: Portfolio, deps: PlannerDeps): Promise<PlannerOutcome> {
  const startedAt = deps.clock.now();
  const rules = planRules(portfolio);
  const required = rules.filter((rule) => rule.required).map((rule) => rule.specialist);
  if (required.length === 0)
    return fail(deps, job, 'nothing to analyse: no positions and no retirement goals');
  const tagger = await tagMissingInstruments(portfolio, deps.invoker, deps.clock);
  const prices = await refreshPrices(deps, portfolio);
  const runs = specialistRuns(deps.invoker, deps.clock, job.id);
  const meter = createUsageMeter();
  // Filled by the tools as the model calls them, so the record survives a model that fails afterwards.
  const called = new Set<string>();
  const step = await runModelStep({
    llm: deps.llm,
    meter,
    step: (model) => planWithModel(model, portfolio, rules, runs, called),
    fallback: () => null,
    onFailure: (error, attempt) =>
      deps.logger.warn('planner model failed', { attempt, error: errorMessage(error) }),
  });
  const modelCalls = [...called];
  const missed = required.filter((name) => !runs.started().includes(name));
  for (const name of missed) void runs.start(name);
  const specialists = await runs.settled();
  const source =
    deps.llm.model === null ? 'offline' : step.fallbackReason || missed.length > 0 ? 'fallback' : 'model';
  const note = step.fallbackReason ?? (missed.length > 0 ? `model did not call: ${missed.join(', ')}` : null);
  const skipped = new Map<SpecialistName, string>(
    rules.filter((rule) => !rule.required).map((rule) => [rule.specialist, rule.reason]),
  );
  const summary = buildSummary({
    startedAt,
    finishedAt: deps.clock.now(),
    tagger,
    specialists,
    skipped,
    plan: { source, modelCalls, required, note },
    planner: { model: deps.llm.id, usage: meter.snapshot() },
    prices,
  });
  const verdict = judgeOutcome(specialists);
  await deps.repos.jobs.savePayload(job.id, 'summary_payload', summary);
  await deps.repos.jobs.finish(job.id, verdict.status, verdict.errorMessage);
  deps.logger.info('job finished', { status: verdict.status, outcome: summary.outcome, plan: source });
  return { kind: 'finished', jobId: job.id, status: verdict.status };
}

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
    if (!portfolio) return await fail(deps, job, `user ${job.clerkUserId} not found`);
    if (portfolio.accounts.length === 0) return await fail(deps, job, 'the user has no accounts to analyse');
    return await orchestrate(job, portfolio, deps);
  } catch (error) {
    if (isTransientError(error) && input.finalAttempt !== true) {
      // Hand the job back so the redelivered message can claim it; the caller reports the record as failed.
      deps.logger.warn('transient failure; the job will be retried', { error: errorMessage(error) });
      await deps.repos.jobs.release(job.id).catch(() => undefined);
      throw error;
    }
    deps.logger.error('planner stopped on an unexpected error', { error: errorMessage(error) });
    return fail(deps, job, 'the analysis stopped on an internal error; it has been logged');
  }
}
