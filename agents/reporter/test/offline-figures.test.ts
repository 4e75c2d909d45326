import { analysePortfolio } from '@alex/analytics';
import { type JsonObject, ReportPayload, RetirementPayload } from '@alex/contracts';
import { dataFigures, factFigures, OFFLINE, unmatchedFigures } from '@alex/llm';
import type { Insight } from '@alex/runtime';
import { agentDeps, createRunningJob, useSeededDatabase } from '@alex/testing';
import { describe, expect, it } from 'vitest';
import { runReporter } from '../src';

const notes: Insight[] = [
  {
    title: 'Rates in 2023',
    text: 'Core bonds returned 5.5% in 2023 after falling 13% in 2022.',
    source: 'notes',
  },
];
const spending = { p10: 40_000, p50: 60_000, p90: 60_000 };
// A retirement analysis as the retirement agent stores it, with one what-if beside the plan.
const retirement = RetirementPayload.parse({
  analysis: 'Computed elsewhere.',
  generated_at: '2026-11-30T09:00:00.000Z',
  agent: 'retirement',
  model: 'offline',
  simulation: {
    method: 'parametric',
    paths: 1000,
    seed: 42,
    assumptions: null,
    plan: { retirement_age: 65, target_income: 100_000, annual_contribution: 10_000 },
    success_rate: 0.0431,
    success_rate_ci95: [0.032, 0.057],
    bands: [],
    depletion_by_age: [],
    median_at_retirement: 707_405.43,
    horizon: { basis: 'age', start: 40, retirement: 65, end: 95, assumption: null },
    solves: [
      { target: 'income', confidence: 0.9, value: 19_601, achieved: 0.9, note: null },
      { target: 'retirement_age', confidence: 0.9, value: 86, achieved: 0.9, note: null },
    ],
  },
  scenarios: [
    {
      parameters: { retirement_age: 60 },
      success_rate: 0.005,
      target_met_rate: 0.004,
      median_at_retirement: 525_444.27,
      spending: { annual: spending, lowest_year: spending },
    },
  ],
});

const database = useSeededDatabase();

/** The offline report of test_user_001, and every figure its payloads support. */
async function offline(question?: string, withRetirement = question !== undefined) {
  const job = await createRunningJob(database.repos);
  if (withRetirement)
    expect(
      await database.repos.jobs.savePayload(
        job.id,
        'retirement_payload',
        retirement as unknown as JsonObject,
      ),
    ).toBe(true);
  await runReporter(
    { job_id: job.id, ...(question ? { focus: { question } } : {}) },
    { ...agentDeps(database, 'reporter'), llm: OFFLINE, knowledge: { search: async () => notes } },
  );
  const stored = ReportPayload.parse((await database.repos.jobs.find(job.id))?.reportPayload);
  const { content } = stored;
  const portfolio = await database.repos.portfolios.load('test_user_001');
  const allowed = [
    ...dataFigures(
      portfolio,
      analysePortfolio(portfolio ?? expect.fail('no seeded portfolio')),
      withRetirement ? retirement : null,
      stored.risk,
    ),
    ...factFigures(notes.map((note) => `${note.title} ${note.text}`)),
  ];
  return { content, allowed };
}

describe('figures of the offline report', () => {
  it('match the computed analytics for the seeded user', async () => {
    const { content, allowed } = await offline();
    expect(content).toContain('$99,437.50');
    expect(unmatchedFigures(content, allowed)).toEqual([]);
  });

  it('match the analytics and the retirement payload when a question is answered', async () => {
    const question = 'Could I retire at 60 instead of 65 on $100,000 a year?';
    const { content, allowed } = await offline(question);
    expect(content).toContain('0.5% of simulated markets');
    expect(unmatchedFigures(content, allowed, [question])).toEqual([]);
  });

  it('give the retirement results in a full analysis too, as the retirement agent stored them', async () => {
    const { content, allowed } = await offline(undefined, true);
    expect(content).toContain('## Retirement readiness');
    expect(content).toContain('the money lasts in 4.3% of simulated markets');
    expect(unmatchedFigures(content, allowed)).toEqual([]);
  });

  it('would catch a figure the payloads do not hold', async () => {
    const { content, allowed } = await offline();
    const changed = content.replace('$99,437.50', '$99,437.51');
    expect(unmatchedFigures(changed, allowed).map((figure) => figure.text)).toEqual(['$99,437.51']);
  });
});
