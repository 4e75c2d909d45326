import type { AnalysisPlan, PlanOrigin } from '@alex/contracts';

/** What `alex plan` prints. */
export interface PlanView {
  clerk_user_id: string;
  question: string | null;
  model: string;
  origin: PlanOrigin;
  plan: AnalysisPlan;
  rejected: string[];
  planning_ms: number;
}

const ORIGINS: Record<PlanOrigin, string> = {
  model: 'the model',
  model_retry: 'the model, on its second try',
  rules: 'the rules',
};

function focusText(focus: AnalysisPlan['steps'][number]['focus']): string {
  const parts = [
    ...(focus.scenarios ?? []).map((scenario) =>
      Object.entries(scenario)
        .map(([key, value]) => `${key} ${value}`)
        .join(', '),
    ),
    ...(focus.charts && focus.charts.length > 0 ? [`charts first: ${focus.charts.join(', ')}`] : []),
    ...(focus.emphasis ? [`emphasis: ${JSON.stringify(focus.emphasis)}`] : []),
  ];
  return parts.length > 0 ? ` [${parts.join('; ')}]` : '';
}

/** The plan in lines a person reads: where it came from, then each stage and its steps. */
export function describePlan(view: PlanView): string {
  const stages = [...new Set(view.plan.steps.map((step) => step.stage))].sort((a, b) => a - b);
  return [
    `${view.clerk_user_id}: ${view.question ? `question ${JSON.stringify(view.question)}` : 'full analysis (no question)'}`,
    `plan by ${ORIGINS[view.origin]} (${view.model}) in ${view.planning_ms} ms, confidence ${view.plan.confidence}; nothing was run`,
    ...stages.flatMap((stage) => [
      `stage ${stage}:`,
      ...view.plan.steps
        .filter((step) => step.stage === stage)
        .map((step) => `  ${step.agent} (${step.confidence}) ${step.rationale}${focusText(step.focus)}`),
    ]),
    ...view.rejected.map((line) => `refused: ${line}`),
  ].join('\n');
}
