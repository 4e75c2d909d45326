import type { AnalysisPlan, PlanDeviation, SpecialistName } from '@alex/contracts';
import type { SpecialistRuns } from '../specialist-runs';

/**
 * Runs a plan: stage by stage in ascending order, the steps of one stage in parallel, each specialist with
 * its step's focus. Resolves when every step has settled; a failed step does not stop later stages.
 */
export async function executePlan(plan: AnalysisPlan, runs: SpecialistRuns): Promise<void> {
  const stages = [...new Set(plan.steps.map((step) => step.stage))].sort((a, b) => a - b);
  for (const stage of stages) {
    const steps = plan.steps.filter((step) => step.stage === stage);
    await Promise.all(steps.map((step) => runs.start(step.agent, step.focus)));
  }
}

/** How what ran differs from the plan: steps the planner moved, and steps that failed. */
export async function planDeviations(
  runs: SpecialistRuns,
  adjusted: readonly SpecialistName[],
): Promise<PlanDeviation[]> {
  const settled = await runs.settled();
  return [
    ...adjusted.map(
      (agent): PlanDeviation => ({
        agent,
        kind: 'adjusted',
        reason: 'moved to a later stage than retirement, to answer the question with its scenarios',
      }),
    ),
    ...[...settled]
      .filter(([, run]) => run.record.status === 'failed')
      .map(
        ([agent, run]): PlanDeviation => ({
          agent,
          kind: 'failed',
          reason: (run.record.error ?? 'failed').slice(0, 500),
        }),
      ),
  ];
}
