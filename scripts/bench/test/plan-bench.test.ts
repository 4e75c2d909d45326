import { OFFLINE } from '@alex/llm';
import { createMemoryLogger } from '@alex/runtime';
import { openSeededDatabase, seededPortfolio } from '@alex/testing';
import { Usage } from '@openai/agents-core';
import { assistantMessage, ScriptedModel } from '@openai/agents-core/testing';
import { describe, expect, it } from 'vitest';
import { benchPlans, planQuestions, reportPlans } from '../src/plan-bench';
import type { PlanQuestion } from '../src/plan-questions';

const retireAt60: PlanQuestion = {
  id: 'retire-60',
  question: 'What if I retire at 60?',
  expected: { agents: ['reporter', 'retirement'], scenarios: [{ retirement_age: 60 }] },
  tags: ['what-if'],
};

// A model plan: every key present, as strict structured output requires.
const modelPlan = (agents: string[]) =>
  JSON.stringify({
    confidence: 0.8,
    steps: agents.map((agent, index) => ({
      agent,
      stage: index + 1,
      emphasis: '',
      scenarios:
        agent === 'retirement'
          ? [{ retirement_age: 60, target_income: null, annual_contribution: null }]
          : [],
      charts: [],
      rationale: `${agent} answers it`,
      confidence: 0.8,
    })),
  });

describe('the plan benchmark', () => {
  it('scores a model plan and counts its tokens', async () => {
    const model = new ScriptedModel([
      {
        output: [assistantMessage(modelPlan(['retirement', 'reporter']))],
        usage: new Usage({ requests: 1, inputTokens: 900, outputTokens: 120, totalTokens: 1020 }),
      } as never,
    ]);
    const database = await openSeededDatabase();
    try {
      const portfolio = await seededPortfolio(database);
      const [planned] = await planQuestions(
        [retireAt60],
        portfolio,
        { id: 'amazon.nova-micro-v1:0', model },
        createMemoryLogger('bench'),
      );
      expect(planned).toMatchObject({
        origin: 'model',
        score: { agents: true, scenarios: true, both: true },
        usage: { requests: 1, input_tokens: 900, output_tokens: 120 },
      });
      const lines: string[] = [];
      reportPlans(
        (line) => lines.push(line),
        'model planner',
        'amazon.nova-micro-v1:0',
        planned ? [planned] : [],
      );
      // 900 × $0.035 + 120 × $0.14 per million tokens.
      expect(lines).toContain('  cost per plan $0.000048 (1.00 model requests, 1020 tokens per plan)');
    } finally {
      await database.close();
    }
  });

  it('falls back to the rules and reports what it got wrong', async () => {
    const wrongLabel = { ...retireAt60, expected: { agents: ['reporter' as const], scenarios: [] } };
    const database = await openSeededDatabase();
    try {
      const portfolio = await seededPortfolio(database);
      const planned = await planQuestions([wrongLabel], portfolio, OFFLINE, createMemoryLogger('bench'));
      const lines: string[] = [];
      reportPlans((line) => lines.push(line), 'deterministic planner', 'offline', planned);
      expect(lines).toContain('  wrong retire-60: expected reporter, planned reporter+retirement [age 60]');
      expect(lines).toContain('  cost per plan $0.000000 (0.00 model requests, 0 tokens per plan)');
    } finally {
      await database.close();
    }
  });

  it('runs the deterministic planner over the labelled set and skips the model planner offline', async () => {
    const lines: string[] = [];
    const result = await benchPlans((line) => lines.push(line), {});
    expect(result.model).toBeNull();
    expect(result.deterministic.overall.n).toBeGreaterThanOrEqual(40);
    expect(lines.at(-1)).toMatch(/model planner: no model configured/);
  });
});
