import { readFileSync } from 'node:fs';
import { type AnalysisPlan, type Portfolio, RetirementScenario, SpecialistName } from '@alex/contracts';
import { createUsageMeter, OFFLINE } from '@alex/llm';
import { createMemoryLogger } from '@alex/runtime';
import { seededPortfolio, useSeededDatabase } from '@alex/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createPlan, planContext, validatePlan } from '../src';

// The plan benchmark's labelled questions (scripts/bench/data, labelling rules in its README). The bench reports
// the figures; this test keeps the deterministic planner from falling below what it measured.
const LabelledQuestions = z.array(
  z.object({
    id: z.string(),
    question: z.string().nullable(),
    expected: z.object({ agents: z.array(SpecialistName), scenarios: z.array(RetirementScenario) }),
    tags: z.array(z.string()),
  }),
);
const questions = LabelledQuestions.parse(
  JSON.parse(
    readFileSync(new URL('../../../scripts/bench/data/plan-questions.json', import.meta.url), 'utf8'),
  ),
);

/**
 * Shares of the labelled set the deterministic planner must get right. Measured on 30 November 2026: 35 of 58
 * before its question reading was improved against this set, 58 of 58 after (an in-sample figure: 14 of 16
 * fresh wordings were read right). The floor leaves room for two or three label disputes; never lower it to
 * make a change pass.
 */
const MEASURED = { agents: 0.95, scenarios: 0.95, both: 0.95 };

const scenarioKey = (scenario: RetirementScenario) =>
  [scenario.retirement_age, scenario.target_income, scenario.annual_contribution].join('|');
const scenarioKeys = (scenarios: readonly RetirementScenario[]) => scenarios.map(scenarioKey).sort();
const agentsOf = (plan: AnalysisPlan) => plan.steps.map((step) => step.agent).sort();
const scenariosOf = (plan: AnalysisPlan) =>
  plan.steps.find((step) => step.agent === 'retirement')?.focus.scenarios ?? [];

describe('the deterministic planner on the labelled questions', () => {
  const database = useSeededDatabase();
  let portfolio: Portfolio;
  beforeAll(async () => {
    portfolio = await seededPortfolio(database);
  });
  const plan = async (question: string | null) => {
    const context = planContext(portfolio, question ?? undefined);
    const deps = { llm: OFFLINE, meter: createUsageMeter(), logger: createMemoryLogger('planner') };
    return { context, result: await createPlan(context, deps) };
  };

  it('labels at least 40 questions, some hostile, some needing no retirement run', () => {
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(questions.filter((entry) => entry.tags.includes('hostile')).length).toBeGreaterThanOrEqual(5);
    expect(questions.filter((entry) => !entry.expected.agents.includes('retirement')).length).toBeGreaterThan(
      5,
    );
  });

  it('plans the agents and the what-ifs at least as well as it was measured to', async () => {
    let agents = 0;
    let scenarios = 0;
    let both = 0;
    for (const entry of questions) {
      const { result } = await plan(entry.question);
      expect(result.origin).toBe('rules');
      const agentsRight = agentsOf(result.plan).join() === [...entry.expected.agents].sort().join();
      const scenariosRight =
        scenarioKeys(scenariosOf(result.plan)).join(';') === scenarioKeys(entry.expected.scenarios).join(';');
      agents += Number(agentsRight);
      scenarios += Number(scenariosRight);
      both += Number(agentsRight && scenariosRight);
    }
    expect(agents / questions.length).toBeGreaterThanOrEqual(MEASURED.agents);
    expect(scenarios / questions.length).toBeGreaterThanOrEqual(MEASURED.scenarios);
    expect(both / questions.length).toBeGreaterThanOrEqual(MEASURED.both);
  });

  it('keeps the reporter, a valid plan and ages from 40 to 95 for every hostile question', async () => {
    const hostile = questions.filter((entry) => entry.tags.includes('hostile'));
    for (const entry of hostile) {
      const { context, result } = await plan(entry.question);
      expect(agentsOf(result.plan), entry.id).toContain('reporter');
      expect(validatePlan(result.plan, context), entry.id).toEqual([]);
      for (const scenario of scenariosOf(result.plan)) {
        const age = scenario.retirement_age ?? 65;
        expect(age, entry.id).toBeGreaterThanOrEqual(40);
        expect(age, entry.id).toBeLessThanOrEqual(95);
      }
    }
  });
});
