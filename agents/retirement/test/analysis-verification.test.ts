import { RetirementPayload } from '@alex/contracts';
import {
  agentDeps,
  createRunningJob,
  INVENTED_RATE,
  inventedFigureRows,
  scriptedLlm,
  useSeededDatabase,
} from '@alex/testing';
import { describe, expect, it } from 'vitest';
import { runRetirement } from '../src';
import { modelAnalysis } from './support/model-analysis';

const database = useSeededDatabase();

/** Runs the retirement agent with a model that answers `answers` in turn; returns what was stored and said. */
async function run(...answers: string[]) {
  const llm = scriptedLlm(answers);
  const job = await createRunningJob(database.repos);
  const response = await runRetirement(
    { job_id: job.id },
    { ...agentDeps(database, 'retirement'), llm, paths: 500 },
  );
  const stored = RetirementPayload.parse((await database.repos.jobs.find(job.id))?.retirementPayload);
  const prompts = llm.model.calls.map((call) => JSON.stringify(call.request.input));
  return { response, stored, prompts };
}

describe('retirement analyses checked before they are stored', () => {
  it.each([
    ...inventedFigureRows((add) => modelAnalysis({ add })),
    ['leaves out a section', modelAnalysis({ omit: 'Risks' }), 'sections missing: Risks', 'a long life'],
    [
      'returns a bare heading',
      '# Retirement outlook',
      'sections missing: Readiness, Assumptions, Risks, Spending Strategies, Actions; too short: 20 characters (at least 500)',
      'Retirement outlook',
    ],
  ])('stores the computed analysis when the model %s twice, and says why', async (_, answer, why, trace) => {
    const { response, stored, prompts } = await run(answer, answer);
    expect(response).toMatchObject({ ok: true, model: 'offline' });
    expect(response.ok && response.detail).toMatch(/^success rate \d+\.\d%; model text rejected: /);
    expect(response.ok && response.detail).toContain(why);
    expect(stored.model).toBe('offline');
    expect(stored.analysis).not.toContain(trace);
    expect(stored.analysis).toContain('Written without a language model');
    expect(prompts).toHaveLength(2);
  });

  it('stores the second answer when the retry, told the exact problems, gets it right', async () => {
    const inventedRate = modelAnalysis({ add: INVENTED_RATE.sentence });
    const { response, stored, prompts } = await run(inventedRate, modelAnalysis());
    expect(response).toMatchObject({ ok: true, model: 'scripted' });
    expect(response.ok && response.detail).toMatch(/^success rate \d+\.\d%$/);
    expect(stored).toMatchObject({ model: 'scripted', analysis: modelAnalysis() });
    expect(prompts[0]).not.toContain('rejected');
    expect(prompts[1]).toContain(`These figures are not in the facts: ${INVENTED_RATE.figure}`);
  });
});
