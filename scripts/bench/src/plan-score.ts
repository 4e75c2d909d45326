import type { AnalysisPlan, RetirementScenario, SpecialistName } from '@alex/contracts';
import type { PlanQuestion } from './plan-questions';

/** How one plan compares with its label. */
export interface PlanScore {
  agents: boolean;
  scenarios: boolean;
  both: boolean;
}

/** What a plan runs, in the label's terms: its agents sorted, and retirement's scenarios. */
export interface PlanOutline {
  agents: SpecialistName[];
  scenarios: RetirementScenario[];
}

/** The part of a plan the labels describe. */
export function outlinePlan(plan: AnalysisPlan): PlanOutline {
  const retirement = plan.steps.find((step) => step.agent === 'retirement');
  return {
    agents: plan.steps.map((step) => step.agent).sort(),
    scenarios: retirement?.focus.scenarios ?? [],
  };
}

// Whole dollars: "$55.5k" and 55500 are the same scenario; key order is fixed so equal scenarios print alike.
function scenarioKey(scenario: RetirementScenario): string {
  const dollars = (value: number | undefined) => (value === undefined ? '-' : String(Math.round(value)));
  return `${scenario.retirement_age ?? '-'}|${dollars(scenario.target_income)}|${dollars(scenario.annual_contribution)}`;
}

/** Exact agents, and the same scenarios in any order. */
export function scorePlan(outline: PlanOutline, expected: PlanQuestion['expected']): PlanScore {
  const agents = outline.agents.join() === [...expected.agents].sort().join();
  const keys = (list: readonly RetirementScenario[]) => list.map(scenarioKey).sort().join(';');
  const scenarios = keys(outline.scenarios) === keys(expected.scenarios);
  return { agents, scenarios, both: agents && scenarios };
}

/** Share of plans right on agents, scenarios and both, overall and for each tag. */
export interface Accuracy {
  n: number;
  agents: number;
  scenarios: number;
  both: number;
}

function accuracy(scores: readonly PlanScore[]): Accuracy {
  const share = (key: keyof PlanScore) =>
    scores.length === 0 ? 0 : scores.filter((score) => score[key]).length / scores.length;
  return { n: scores.length, agents: share('agents'), scenarios: share('scenarios'), both: share('both') };
}

/** Overall and per-tag accuracy of scored questions. */
export function tallyScores(scored: readonly { tags: readonly string[]; score: PlanScore }[]): {
  overall: Accuracy;
  byTag: Map<string, Accuracy>;
} {
  const tags = [...new Set(scored.flatMap((entry) => entry.tags))].sort();
  return {
    overall: accuracy(scored.map((entry) => entry.score)),
    byTag: new Map(
      tags.map((tag) => [
        tag,
        accuracy(scored.filter((entry) => entry.tags.includes(tag)).map((entry) => entry.score)),
      ]),
    ),
  };
}

/** A scenario as one short label, e.g. `age 60, income 55000`. */
export function describeScenario(scenario: RetirementScenario): string {
  const parts = [
    scenario.retirement_age === undefined ? null : `age ${scenario.retirement_age}`,
    scenario.target_income === undefined ? null : `income ${scenario.target_income}`,
    scenario.annual_contribution === undefined ? null : `saving ${scenario.annual_contribution}`,
  ];
  return parts.filter((part) => part !== null).join(', ');
}
