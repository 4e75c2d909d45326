import {
  type AnalysisPlan,
  MAX_SCENARIO_AMOUNT,
  type PlanStep,
  type RetirementScenario,
  type SpecialistName,
} from '@alex/contracts';
import { chartsForQuestion } from './chart-intent';
import { applicable, type PlanContext } from './plan-context';

/** Whether a scenario's amounts are ones a scenario may test. */
function amountsInRange(scenario: RetirementScenario): boolean {
  return [scenario.target_income, scenario.annual_contribution].every(
    (value) => value === undefined || value <= MAX_SCENARIO_AMOUNT,
  );
}

/** Whether a scenario's retirement age is one the person can still choose. */
export function scenarioInRange(scenario: RetirementScenario, context: PlanContext): boolean {
  if (scenario.retirement_age === undefined) return true;
  const range = context.ageRange;
  return range !== null && scenario.retirement_age >= range.from && scenario.retirement_age <= range.to;
}

/**
 * The reporter runs after retirement whenever both are planned, so its facts hold the simulated success rate,
 * the solved figures and any what-ifs (and it never has to leave them out or invent them); the charter still
 * runs beside retirement.
 */
export function reporterStage(steps: readonly Pick<PlanStep, 'agent' | 'stage'>[]): number | null {
  const retirement = steps.find((step) => step.agent === 'retirement');
  const reporter = steps.find((step) => step.agent === 'reporter');
  if (!retirement || !reporter) return null;
  return retirement.stage + 1;
}

function step(agent: SpecialistName, context: PlanContext, focus: PlanStep['focus']): PlanStep {
  const rule = context.rules.find((candidate) => candidate.specialist === agent);
  return {
    agent,
    stage: 1,
    focus,
    rationale: context.question
      ? `${rule?.reason ?? agent}; the question concerns it`
      : (rule?.reason ?? agent),
    confidence: context.question ? 0.7 : 1,
  };
}

/**
 * The deterministic plan: every specialist the rules allow for the full analysis; with a question, the
 * reporter (which answers it) plus the charter and retirement when the question concerns them, with the
 * what-ifs and charts read from the question by rule. Used offline and when the model's plan is refused.
 */
export function rulesPlan(context: PlanContext): AnalysisPlan {
  const { question, intent } = context;
  const allowed = new Set(applicable(context));
  const steps: PlanStep[] = [];
  const withQuestion = question ? { question } : {};
  if (allowed.has('retirement') && intent.retirement) {
    const scenarios = intent.scenarios.filter(
      (scenario) => scenarioInRange(scenario, context) && amountsInRange(scenario),
    );
    steps.push(
      step('retirement', context, { ...withQuestion, ...(scenarios.length > 0 ? { scenarios } : {}) }),
    );
  }
  if (allowed.has('charter') && intent.charts) {
    const charts = chartsForQuestion(question);
    steps.push(step('charter', context, charts.length > 0 ? { charts } : {}));
  }
  if (allowed.has('reporter')) steps.push(step('reporter', context, withQuestion));
  // A question about nothing this portfolio allows still gets whatever analysis it allows.
  if (steps.length === 0) for (const agent of allowed) steps.push(step(agent, context, withQuestion));
  const stage = reporterStage(steps);
  const ordered = steps.map((candidate) =>
    candidate.agent === 'reporter' && stage !== null ? { ...candidate, stage } : candidate,
  );
  return { steps: ordered, confidence: question ? 0.7 : 1 };
}
