import { isChartKey } from '@alex/analytics';
import type { AnalysisPlan } from '@alex/contracts';
import { applicable, type PlanContext } from './plan-context';
import { scenarioInRange } from './rules-plan';

/**
 * Checks a plan against the rules; every problem is one line the model can act on. The rules: each
 * specialist at most once and only where it applies; the reporter always (it answers the question); without
 * a question every applicable specialist; retirement whenever the question asks a what-if; scenarios only for
 * retirement, within the person's ages; charts only for the charter, from its catalog.
 */
export function validatePlan(plan: AnalysisPlan, context: PlanContext): string[] {
  const problems: string[] = [];
  const allowed = applicable(context);
  const named = plan.steps.map((step) => step.agent);
  for (const agent of new Set(named)) {
    if (named.filter((name) => name === agent).length > 1) problems.push(`${agent} appears more than once`);
    if (!allowed.includes(agent)) {
      const rule = context.rules.find((candidate) => candidate.specialist === agent);
      problems.push(`${agent} does not apply to this portfolio: ${rule?.reason ?? 'not needed'}`);
    }
  }
  const mustRun = context.question
    ? allowed.filter(
        (agent) => agent === 'reporter' || (agent === 'retirement' && context.intent.scenarios.length > 0),
      )
    : allowed;
  for (const agent of mustRun)
    if (!named.includes(agent))
      problems.push(
        !context.question
          ? `${agent} is required`
          : agent === 'retirement'
            ? 'retirement is required: the question asks a what-if'
            : `${agent} is required: it answers the question`,
      );
  for (const step of plan.steps) {
    if (step.focus.scenarios && step.agent !== 'retirement')
      problems.push(`${step.agent} takes no scenarios (only retirement does)`);
    if (step.focus.charts && step.agent !== 'charter')
      problems.push(`${step.agent} takes no charts (only charter does)`);
    for (const chart of step.focus.charts ?? [])
      if (!isChartKey(chart)) problems.push(`charter has no chart "${chart.slice(0, 40)}"`);
    for (const scenario of step.focus.scenarios ?? [])
      if (!scenarioInRange(scenario, context))
        problems.push(
          context.ageRange
            ? `retirement_age ${scenario.retirement_age} is outside ${context.ageRange.from}-${context.ageRange.to}`
            : 'retirement_age needs the person’s age, which is not set',
        );
  }
  return problems;
}
