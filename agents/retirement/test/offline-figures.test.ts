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
  it('match the simulation payload and the stored goals for the seeded user', async () => {
    const { text, allowed } = await offline();
    expect(text).toContain('Success rate (target funded every year to age 95)');
    expect(unmatchedFigures(text, allowed)).toEqual([]);
  });

  it('match them with a what-if beside the plan', async () => {
    const { text, allowed } = await offline({ scenarios: [{ retirement_age: 60 }] });
    expect(text).toContain('What if retiring at age 60');
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
