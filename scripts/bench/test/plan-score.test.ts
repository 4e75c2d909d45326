import { describe, expect, it } from 'vitest';
import { loadPlanQuestions, PlanQuestions } from '../src/plan-questions';
import { describeScenario, scorePlan, tallyScores } from '../src/plan-score';

const entry = (id: string, agents: string[]) => ({
  id,
  question: 'q',
  expected: { agents, scenarios: [] },
  tags: ['t'],
});

describe('the labelled plan questions', () => {
  it('load and validate: at least 40, with hostile ones and ones needing no retirement run', () => {
    const questions = loadPlanQuestions();
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(questions.some((question) => question.tags.includes('hostile'))).toBe(true);
    expect(questions.some((question) => !question.expected.agents.includes('retirement'))).toBe(true);
  });

  it('refuse a repeated id and agents out of order', () => {
    const forty = Array.from({ length: 40 }, (_, i) => entry(`q-${i}`, ['reporter']));
    const result = PlanQuestions.safeParse([...forty, entry('q-1', ['reporter', 'charter'])]);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'duplicate id',
      'agents must be sorted',
    ]);
  });
});

describe('scorePlan', () => {
  const expected = {
    agents: ['reporter', 'retirement'] as const,
    scenarios: [{ retirement_age: 60 }, { retirement_age: 62, target_income: 80_000 }],
  };

  it('matches the same agents and the same scenarios in any order, to the dollar', () => {
    const outline = {
      agents: ['reporter', 'retirement'] as ('reporter' | 'retirement')[],
      scenarios: [{ target_income: 80_000.4, retirement_age: 62 }, { retirement_age: 60 }],
    };
    expect(scorePlan(outline, { ...expected, agents: [...expected.agents] })).toEqual({
      agents: true,
      scenarios: true,
      both: true,
    });
  });

  it('scores agents and scenarios apart', () => {
    const outline = {
      agents: ['charter', 'reporter', 'retirement'] as ('charter' | 'reporter' | 'retirement')[],
      scenarios: [{ retirement_age: 60 }],
    };
    expect(scorePlan(outline, { ...expected, agents: [...expected.agents] })).toEqual({
      agents: false,
      scenarios: false,
      both: false,
    });
  });

  it('tallies shares overall and per tag', () => {
    const right = { agents: true, scenarios: true, both: true };
    const wrong = { agents: true, scenarios: false, both: false };
    const { overall, byTag } = tallyScores([
      { tags: ['what-if'], score: right },
      { tags: ['what-if', 'hostile'], score: wrong },
    ]);
    expect(overall).toEqual({ n: 2, agents: 1, scenarios: 0.5, both: 0.5 });
    expect(byTag.get('hostile')).toEqual({ n: 1, agents: 1, scenarios: 0, both: 0 });
    expect([...byTag.keys()]).toEqual(['hostile', 'what-if']);
  });

  it('describes a scenario in a few words', () => {
    expect(describeScenario({ retirement_age: 60, annual_contribution: 16_000 })).toBe(
      'age 60, saving 16000',
    );
  });
});
