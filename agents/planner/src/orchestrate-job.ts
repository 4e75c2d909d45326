import { AnalysisOptions, type Job, type Portfolio, type SpecialistName } from '@alex/contracts';
import { errorMessage } from '@alex/errors';
import { createUsageMeter, DEFAULT_MODEL_PRICES } from '@alex/llm';
import type { PriceRefresh } from '@alex/runtime';
import { NO_METRICS } from '@alex/runtime';
import { heldPriceFreshness } from './held-prices';
import { jobGaps } from './job-gaps';
import { recordJobMetrics } from './job-metrics';
import { buildSummary, failureSummary, judgeOutcome } from './job-summary';
import { createPlan } from './plan/create-plan';
import { executePlan, planDeviations } from './plan/execute-plan';
import { applicable, planContext } from './plan/plan-context';
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
  if (await deps.repos.jobs.finish(job.id, 'failed', message, { summary }))
    recordJobMetrics(deps.metrics ?? NO_METRICS, summary, job.attempts);
  return { kind: 'finished', jobId: job.id, status: 'failed' };
}

/** The person's question from the job's request, or why it was set aside. */
function jobQuestion(job: Job): { question: string | undefined; note: string | null } {
  const options = job.requestPayload?.options;
  if (options === undefined || options === null) return { question: undefined, note: null };
  const parsed = AnalysisOptions.safeParse(options);
  if (!parsed.success) return { question: undefined, note: 'the question was not usable and was set aside' };
  return { question: parsed.data.question, note: null };
}

/** Runs a claimed job: tags, refreshes prices, plans, runs the plan and records the outcome. */
export async function orchestrate(
  job: Job,
  portfolio: Portfolio,
  deps: PlannerDeps,
): Promise<PlannerOutcome> {
  const startedAt = deps.clock.now();
  const asked = jobQuestion(job);
  const context = planContext(portfolio, asked.question);
  const required = applicable(context);
  if (required.length === 0)
    return failJob(
      deps,
      job,
      'nothing to analyse: the accounts hold no cash or positions and no retirement goals are set',
    );
  const tagging = await tagMissingInstruments(portfolio, deps.invoker, deps.clock, job.id);
  const prices = await refreshPrices(deps, portfolio);
  const runs = specialistRuns(deps.invoker, deps.clock, job.id, job.attempts);
  const meter = createUsageMeter();
  const planned = await createPlan(context, { llm: deps.llm, meter, logger: deps.logger });
  await executePlan(planned.plan, runs);
  const specialists = await runs.settled();
  const offline = deps.llm.model === null;
  const source = offline ? 'offline' : planned.origin === 'rules' ? 'fallback' : 'model';
  const note =
    [asked.note, planned.origin === 'rules' && !offline ? (planned.rejected.at(-1) ?? null) : null]
      .filter(Boolean)
      .join('; ') || null;
  const planSteps = new Set(planned.plan.steps.map((step) => step.agent));
  const skipped = new Map<SpecialistName, string>(
    context.rules
      .filter((rule) => !planSteps.has(rule.specialist))
      .map((rule) => [rule.specialist, rule.required ? 'not needed for the question' : rule.reason]),
  );
  // Gaps are judged on the portfolio as the agents saw it: after tagging and the price refresh.
  const current = (await deps.repos.portfolios.load(job.clerkUserId)) ?? portfolio;
  const { gaps, assumptions } = jobGaps({
    portfolio: current,
    tagging,
    specialists,
    llm: deps.llm,
    plannerModelFailure: offline || planned.origin !== 'rules' ? null : (planned.rejected.at(-1) ?? null),
  });
  const summary = buildSummary({
    startedAt,
    finishedAt: deps.clock.now(),
    tagger: tagging?.run ?? null,
    specialists,
    skipped,
    plan: {
      source,
      modelCalls: planned.modelCalls,
      required,
      note,
      question: asked.question ?? null,
      origin: planned.origin,
      steps: planned.plan.steps,
      rejected: planned.rejected,
      deviations: await planDeviations(runs, planned.adjusted),
      planningMs: planned.latencyMs,
    },
    planner: { model: deps.llm.id, usage: meter.snapshot() },
    prices,
    priceDates: heldPriceFreshness(current, deps.clock.now()),
    gaps,
    assumptions,
    llm: { model: deps.llm.id, endpoint: deps.llm.model === null ? null : (deps.llm.endpoint ?? null) },
    modelPrices: deps.modelPrices ?? DEFAULT_MODEL_PRICES,
  });
  const verdict = judgeOutcome(specialists, gaps);
  // One update: the summary lands with the verdict, and only while this run still holds its claim.
  if (await deps.repos.jobs.finish(job.id, verdict.status, verdict.errorMessage, { summary }))
    recordJobMetrics(deps.metrics ?? NO_METRICS, summary, job.attempts);
  deps.logger.info('job finished', { status: verdict.status, outcome: summary.outcome, plan: source });
  return { kind: 'finished', jobId: job.id, status: verdict.status };
}
