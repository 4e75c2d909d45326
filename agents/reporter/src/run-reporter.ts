import { analysePortfolio, dataGaps } from '@alex/analytics';
import { type AgentResponse, type JobEvent, ReportPayload } from '@alex/contracts';
import type { Repositories } from '@alex/database';
import { createUsageMeter, type LanguageModel, loggableModelError, runVerifiedStep } from '@alex/llm';
import { type AgentCoreDeps, attemptFence, type Knowledge } from '@alex/runtime';
import { withGapsNotice } from './gaps-notice';
import { offlineReport } from './offline-report';
import { portfolioFacts } from './portfolio-facts';
import { reportFocus } from './report-focus';
import { retirementFactsSection } from './retirement-figures';
import { currentRisk } from './risk-facts';
import { writeReport } from './write-report';

/** What the reporter core needs. */
export interface ReporterDeps extends AgentCoreDeps<Repositories, LanguageModel> {
  knowledge: Knowledge;
}

/**
 * Writes `report_payload`: the model's markdown from computed facts, or the offline report, opening with
 * what the analysis leaves out (unpriced or unclassified holdings, a model that failed). With a question in
 * the plan's focus, the report answers it first, from the figures (the retirement what-ifs when they ran).
 */
export async function runReporter(event: JobEvent, deps: ReporterDeps): Promise<AgentResponse> {
  const loaded = await deps.repos.portfolios.loadForRunningJob(event.job_id, event.attempt);
  if (!loaded.ok) return { ok: false, agent: 'reporter', error: loaded.error };
  const { portfolio, job } = loaded.value;
  // Every line of this job's work names its user as well as its job.
  const logger = deps.logger.child({ userId: loaded.value.portfolio.user.clerkUserId });
  const analytics = analysePortfolio(portfolio);
  const focus = reportFocus(event, job, logger);
  const symbols = analytics.concentration.holdings.map((h) => h.symbol);
  // Computed once: the model's facts, the offline text and the stored payload quote the same figures.
  const mix = currentRisk(portfolio, analytics);
  const facts = [
    portfolioFacts(portfolio, analytics, mix),
    ...(focus.retirement ? [retirementFactsSection(focus.retirement)] : []),
  ].join('\n\n');
  const meter = createUsageMeter();
  const step = await runVerifiedStep({
    llm: deps.llm,
    meter,
    step: (model) => writeReport(model, deps.knowledge, facts, symbols, focus),
    fallback: async () =>
      offlineReport(portfolio, analytics, await deps.knowledge.search(symbols, 3), focus, mix),
    onFailure: (error, attempt) =>
      logger.warn('report model failed', { attempt, error: loggableModelError(error) }),
  });
  const gaps = dataGaps(analytics);
  if (step.fallbackReason && deps.llm.model !== null) {
    gaps.push({
      kind: 'model_failed',
      symbols: [],
      detail: step.rejected
        ? "Written commentary: the language model's text was rejected (its figures, sections or length did not check out), so this report shows the computed figures without it."
        : 'Written commentary: the configured language model did not answer, so this report shows the computed figures without it.',
      value_left_out: null,
    });
  }
  const payload = ReportPayload.parse({
    content: withGapsNotice(step.value, gaps),
    generated_at: deps.clock.now().toISOString(),
    agent: 'reporter',
    model: step.model,
    risk: mix?.risk ?? null,
  });
  if (!(await deps.repos.jobs.savePayload(event.job_id, 'report_payload', payload, attemptFence(event)))) {
    return { ok: false, agent: 'reporter', error: 'the job stopped running before the report was saved' };
  }
  return {
    ok: true,
    agent: 'reporter',
    model: step.model,
    usage: meter.snapshot(),
    usage_model: deps.llm.id,
    // The planner copies `detail` into the summary: a rejected text says what was rejected and why.
    detail: step.detail,
  };
}
