import type { RetirementHorizon } from '@alex/analytics';
import { analysePortfolio, analyseRetirement } from '@alex/analytics';
import {
  type AgentResponse,
  type JobEvent,
  RetirementPayload,
  type RetirementScenario,
} from '@alex/contracts';
import type { Repositories } from '@alex/database';
import { createUsageMeter, type LanguageModel, loggableModelError, runVerifiedStep } from '@alex/llm';
import { type AgentCoreDeps, attemptFence } from '@alex/runtime';
import { offlineRetirementAnalysis, retirementFacts } from './retirement-facts';
import { simulationInput } from './simulation-input';
import { writeRetirementAnalysis } from './write-analysis';

/** What the retirement core needs. */
export interface RetirementDeps extends AgentCoreDeps<Repositories, LanguageModel> {
  /** Simulated paths for the parametric and bootstrap methods (default 10,000). */
  paths?: number;
}

/** Writes `retirement_payload`: the seeded simulation's numbers and the analysis written from them. */
export async function runRetirement(event: JobEvent, deps: RetirementDeps): Promise<AgentResponse> {
  const loaded = await deps.repos.portfolios.loadForRunningJob(event.job_id, event.attempt);
  if (!loaded.ok) return { ok: false, agent: 'retirement', error: loaded.error };
  const input = simulationInput(loaded.value.portfolio, analysePortfolio(loaded.value.portfolio));
  // Every line of this job's work names its user as well as its job.
  const logger = deps.logger.child({ userId: loaded.value.portfolio.user.clerkUserId });
  if (!input.ok) return { ok: false, agent: 'retirement', error: input.error };
  const scenarios = plannedScenarios(event, input.horizon);
  const analysed = analyseRetirement(
    { ...input.value, ...(deps.paths ? { paths: deps.paths } : {}) },
    { scenarios: scenarios.kept },
  );
  if (!analysed.ok) return { ok: false, agent: 'retirement', error: analysed.error.message };
  const simulation = analysed.value;
  const facts = retirementFacts(simulation, input, analysed.scenarios);
  const meter = createUsageMeter();
  const step = await runVerifiedStep({
    llm: deps.llm,
    meter,
    step: (model) => writeRetirementAnalysis(model, facts),
    fallback: () => offlineRetirementAnalysis(facts, simulation, input),
    onFailure: (error, attempt) =>
      logger.warn('retirement model failed', { attempt, error: loggableModelError(error) }),
  });
  const payload = RetirementPayload.parse({
    analysis: step.value,
    generated_at: deps.clock.now().toISOString(),
    agent: 'retirement',
    model: step.model,
    simulation: { ...simulation, horizon: input.horizon },
    ...(analysed.scenarios.length > 0 ? { scenarios: analysed.scenarios } : {}),
  });
  if (
    !(await deps.repos.jobs.savePayload(event.job_id, 'retirement_payload', payload, attemptFence(event)))
  ) {
    return {
      ok: false,
      agent: 'retirement',
      error: 'the job stopped running before the projection was saved',
    };
  }
  const notes = [
    input.horizon.assumption ? 'age not set: 30-year retirement assumed' : null,
    scenarios.dropped > 0 ? `${scenarios.dropped} scenario(s) outside the plan's ages set aside` : null,
    // The planner copies `detail` into the summary: a rejected text says what was rejected and why.
    step.detail,
  ];
  const detail = [
    `success rate ${(simulation.success_rate * 100).toFixed(1)}%`,
    ...notes.filter(Boolean),
  ].join('; ');
  return {
    ok: true,
    agent: 'retirement',
    model: step.model,
    usage: meter.snapshot(),
    usage_model: deps.llm.id,
    detail,
  };
}

/** The plan's what-ifs this projection can run: retirement ages only when ages are known and in range. */
function plannedScenarios(
  event: JobEvent,
  horizon: RetirementHorizon,
): { kept: RetirementScenario[]; dropped: number } {
  const asked = event.focus?.scenarios ?? [];
  const kept = asked.filter(
    (scenario) =>
      scenario.retirement_age === undefined ||
      (horizon.basis === 'age' &&
        scenario.retirement_age >= horizon.start &&
        scenario.retirement_age <= horizon.end),
  );
  return { kept, dropped: asked.length - kept.length };
}
