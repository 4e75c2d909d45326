import { analysePortfolio, computeCharts } from '@alex/analytics';
import { type AgentResponse, ChartsPayload, type JobEvent } from '@alex/contracts';
import type { Repositories } from '@alex/database';
import { createUsageMeter, type LanguageModel, loggableModelError, runModelStep } from '@alex/llm';
import { type AgentCoreDeps, attemptFence } from '@alex/runtime';
import { chooseCharts } from './choose-charts';
import { focusedCharts, leadWith } from './focused-charts';

/** What the charter core needs. */
export type CharterDeps = AgentCoreDeps<Repositories, LanguageModel>;

/**
 * Writes `charts_payload`: charts computed in code from the analytics; the model only chooses, orders and
 * describes them, and an invalid choice falls back to the computed set. Charts the plan's focus names lead.
 */
export async function runCharter(event: JobEvent, deps: CharterDeps): Promise<AgentResponse> {
  const loaded = await deps.repos.portfolios.loadForRunningJob(event.job_id, event.attempt);
  if (!loaded.ok) return { ok: false, agent: 'charter', error: loaded.error };
  const computed = computeCharts(analysePortfolio(loaded.value.portfolio));
  // Every line of this job's work names its user as well as its job.
  const logger = deps.logger.child({ userId: loaded.value.portfolio.user.clerkUserId });
  if (Object.keys(computed).length === 0)
    return { ok: false, agent: 'charter', error: 'no chartable data: nothing is priced' };
  const focus = focusedCharts(event);
  const meter = createUsageMeter();
  const step = await runModelStep({
    llm: deps.llm,
    meter,
    step: (model) => chooseCharts(model, computed, focus),
    fallback: () => leadWith(computed, focus),
    onFailure: (error, attempt) =>
      logger.warn('chart choice failed', { attempt, error: loggableModelError(error) }),
  });
  const payload = ChartsPayload.parse(
    Object.fromEntries(
      Object.entries(step.value).map(([key, chart], order) => [key, { ...chart, model: step.model, order }]),
    ),
  );
  if (!(await deps.repos.jobs.savePayload(event.job_id, 'charts_payload', payload, attemptFence(event)))) {
    return { ok: false, agent: 'charter', error: 'the job stopped running before the charts were saved' };
  }
  const detail = `${Object.keys(payload).length} charts${step.fallbackReason ? `; ${step.fallbackReason}` : ''}`;
  return {
    ok: true,
    agent: 'charter',
    model: step.model,
    usage: meter.snapshot(),
    usage_model: deps.llm.id,
    detail,
  };
}
