import { analysePortfolio } from '@alex/analytics';
import { ReportPayload } from '@alex/contracts';
import { dataFigures, factFigures, OFFLINE, unmatchedFigures } from '@alex/llm';
import type { Insight } from '@alex/runtime';
import { agentDeps, createRunningJob, useSeededDatabase } from '@alex/testing';
import { describe, expect, it } from 'vitest';
import { runReporter } from '../src';
import { saveStoredRetirement, storedRetirement } from './support/stored-retirement';

const notes: Insight[] = [
  {
    title: 'Rates in 2023',
    text: 'Core bonds returned 5.5% in 2023 after falling 13% in 2022.',
    source: 'notes',
  },
];
const whatIf = 'Could I retire at 60 instead of 65 on $100,000 a year?';

const database = useSeededDatabase();

/** The offline report of test_user_001, and every figure its payloads support. */
async function offline(question?: string, withRetirement = false) {
  const job = await createRunningJob(database.repos);
  if (withRetirement) expect(await saveStoredRetirement(database.repos, job.id)).toBe(true);
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
      withRetirement ? storedRetirement : null,
      stored.risk,
    ),
    ...factFigures(notes.map((note) => `${note.title} ${note.text}`)),
  ];
  return { content, allowed };
}

describe('figures of the offline report', () => {
  it.each([
    ['the computed analytics for the seeded user', undefined, false, ['$99,437.50']],
    [
      'the analytics and the retirement payload when a question is answered',
      whatIf,
      true,
      ['12.3% of simulated markets'],
    ],
    [
      'the analytics and the retirement results in a full analysis, as the retirement agent stored them',
      undefined,
      true,
      ['## Retirement readiness', 'the money lasts in 4.2% of simulated markets'],
    ],
  ])('match %s', async (_, question, withRetirement, shown) => {
    const { content, allowed } = await offline(question, withRetirement);
    for (const text of shown) expect(content).toContain(text);
    expect(unmatchedFigures(content, allowed, question ? [question] : [])).toEqual([]);
  });

  it('would catch a figure the payloads do not hold', async () => {
    const { content, allowed } = await offline();
    const changed = content.replace('$99,437.50', '$99,437.51');
    expect(unmatchedFigures(changed, allowed).map((figure) => figure.text)).toEqual(['$99,437.51']);
  });
});
