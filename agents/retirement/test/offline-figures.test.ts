import { RetirementPayload } from '@alex/contracts';
import { dataFigures, OFFLINE, unmatchedFigures } from '@alex/llm';
import { agentDeps, createRunningJob, useSeededDatabase } from '@alex/testing';
import { describe, expect, it } from 'vitest';
import { runRetirement } from '../src';

const database = useSeededDatabase();

/** The offline analysis of test_user_001, and every figure its payload and stored goals support. */
async function offline(focus?: { scenarios: { retirement_age: number }[] }) {
  const job = await createRunningJob(database.repos);
  const response = await runRetirement(
    { job_id: job.id, ...(focus ? { focus } : {}) },
    { ...agentDeps(database, 'retirement'), llm: OFFLINE, paths: 1000 },
  );
  expect(response.ok).toBe(true);
  const payload = RetirementPayload.parse((await database.repos.jobs.find(job.id))?.retirementPayload);
  const portfolio = await database.repos.portfolios.load('test_user_001');
  return { text: payload.analysis, allowed: dataFigures(payload, portfolio) };
}

describe('figures of the offline retirement analysis', () => {
  it.each([
    [
      'the simulation payload and the stored goals for the seeded user',
      undefined,
      'Success rate (target funded every year to age 95)',
    ],
    [
      'the simulation payload and the stored goals with a what-if beside the plan',
      { scenarios: [{ retirement_age: 60 }] },
      'What if retiring at age 60',
    ],
  ])('match %s', async (_, focus, shown) => {
    const { text, allowed } = await offline(focus);
    expect(text).toContain(shown);
    expect(unmatchedFigures(text, allowed)).toEqual([]);
  });

  it('would catch a figure the payload does not hold', async () => {
    const { text, allowed } = await offline();
    const changed = text.replace(
      /Median wealth at retirement: \$[\d,.]+/,
      'Median wealth at retirement: $1,234,567.89',
    );
    expect(unmatchedFigures(changed, allowed).map((figure) => figure.text)).toEqual(['$1,234,567.89']);
  });
});
