import type { Job, Portfolio, SpecialistName } from '@alex/contracts';
import { errorMessage } from '@alex/errors';
import { createUsageMeter, runModelStep } from '@alex/llm';
import type { PriceRefresh } from '@alex/runtime';
import { jobGaps } from './job-gaps';
import { buildSummary, failureSummary, judgeOutcome } from './job-summary';
import { planRules } from './plan-rules';
import { planWithModel } from './plan-with-model';
import type { PlannerDeps, PlannerOutcome } from './run-planner';
import { specialistRuns } from './specialist-runs';
import { tagMissingInstruments } from './tagging';

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

/** Ends a claimed job as failed, with a summary saying why. */
export async function failJob(deps: PlannerDeps, job: Job, message: string): Promise<PlannerOutcome> {
  deps.logger.warn('job failed', { reason: message });
  const summary = failureSummary(
    message,
    job.startedAt ?? deps.clock.now(),
    deps.clock.now(),
    deps.llm.model === null,
  );
  await deps.repos.jobs.finish(job.id, 'failed', message, { summary });
  return { kind: 'finished', jobId: job.id, status: 'failed' };
}

/** Runs a claimed job: tags, refreshes prices, plans, runs the specialists and records the outcome. */
export async function orchestrate(
  job: Job,
  portfolio: Portfolio,
  deps: PlannerDeps,
): Promise<PlannerOutcome> {
  const startedAt = deps.clock.now();
  const rules = planRules(portfolio);
  const required = rules.filter((rule) => rule.required).map((rule) => rule.specialist);
  if (required.length === 0)
    return failJob(
      deps,
      job,
      'nothing to analyse: the accounts hold no cash or positions and no retirement goals are set',
    );
  const tagging = await tagMissingInstruments(portfolio, deps.invoker, deps.clock);
  const prices = await refreshPrices(deps, portfolio);
  const runs = specialistRuns(deps.invoker, deps.clock, job.id, job.attempts);
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
  // Gaps are judged on the portfolio as the agents saw it: after tagging and the price refresh.
  const current = (await deps.repos.portfolios.load(job.clerkUserId)) ?? portfolio;
  const { gaps, assumptions } = jobGaps({
    portfolio: current,
    tagging,
    specialists,
    llm: deps.llm,
    plannerModelFailure: deps.llm.model === null ? null : step.fallbackReason,
  });
  const summary = buildSummary({
    startedAt,
    finishedAt: deps.clock.now(),
    tagger: tagging?.run ?? null,
    specialists,
    skipped,
    plan: { source, modelCalls, required, note },
    planner: { model: deps.llm.id, usage: meter.snapshot() },
    prices,
    gaps,
    assumptions,
    llm: { model: deps.llm.id, endpoint: deps.llm.model === null ? null : (deps.llm.endpoint ?? null) },
  });
  const verdict = judgeOutcome(specialists, gaps);
  // One update: the summary lands with the verdict, and only while this run still holds its claim.
  await deps.repos.jobs.finish(job.id, verdict.status, verdict.errorMessage, { summary });
  deps.logger.info('job finished', { status: verdict.status, outcome: summary.outcome, plan: source });
  return { kind: 'finished', jobId: job.id, status: verdict.status };
}
