import { ReportPayload } from '@alex/contracts';
import { createMemoryLogger, type Knowledge } from '@alex/runtime';
import {
  agentDeps,
  createRunningJob,
  INVENTED_VALUE,
  inventedFigureRows,
  scriptedLlm,
  useSeededDatabase,
} from '@alex/testing';
import { describe, expect, it } from 'vitest';
import { runReporter } from '../src';
import { modelReport } from './support/model-report';

const knowledge: Knowledge = {
  search: async () => [
    { title: 'Core bond funds', text: 'Bond prices fall when rates rise.', source: 'notes' },
  ],
};
const database = useSeededDatabase();

/** Runs the reporter with a model that answers `answers` in turn; returns what was stored and said. */
async function run(...answers: string[]): ReturnType<typeof runWith> {
  return runWith({}, ...answers);
}

async function runWith(focus: { emphasis?: string }, ...answers: string[]) {
  const llm = scriptedLlm(answers);
  const job = await createRunningJob(database.repos);
  const logger = createMemoryLogger('reporter');
  const response = await runReporter(
    { job_id: job.id, ...(focus.emphasis ? { focus } : {}) },
    { ...agentDeps(database, 'reporter'), llm, knowledge, logger },
  );
  const stored = ReportPayload.parse((await database.repos.jobs.find(job.id))?.reportPayload);
  return {
    response,
    stored,
    calls: llm.model.calls.length,
    logged: JSON.stringify(logger.lines),
    prompts: llm.model.calls.map((call) => JSON.stringify(call.request.input)),
  };
}

describe('reports checked before they are stored', () => {
  it.each([
    ...inventedFigureRows((add) => modelReport({ add })),
    [
      'leaves out a section',
      modelReport({ omit: 'Retirement Readiness' }),
      'sections missing: Retirement Readiness',
      '25 years to retirement with',
    ],
    [
      'returns a bare heading',
      '# Portfolio review',
      'sections missing: Executive Summary, Portfolio Composition, Diversification and Risk, Retirement Readiness, Recommendations, Market Context; too short: 18 characters (at least 600)',
      '# Portfolio review',
    ],
  ])('stores the computed report when the model %s twice, and says why', async (_, answer, why, trace) => {
    const { response, stored, calls, logged } = await run(answer, answer);
    const detail = `model text rejected: ${why} (model scripted)`;
    expect(response).toMatchObject({ ok: true, model: 'offline', detail });
    // The logs say a text was rejected, never what it said (portfolio figures stay out of CloudWatch).
    expect(logged).toContain('model text rejected (figures, sections or length)');
    expect(logged).not.toContain(trace);
    expect(stored.model).toBe('offline');
    expect(stored.content).not.toContain(trace);
    expect(stored.content).toContain('Written without a language model');
    expect(stored.content).toContain("the language model's text was rejected");
    expect(calls).toBe(2);
  });

  it('stores the second answer when the retry, told the exact problems, gets it right', async () => {
    const invented = modelReport({ add: INVENTED_VALUE.sentence });
    const { response, stored, calls, prompts } = await run(invented, modelReport());
    expect(response).toMatchObject({ ok: true, model: 'scripted', detail: null });
    expect(stored).toMatchObject({ model: 'scripted', content: modelReport() });
    expect(calls).toBe(2);
    expect(prompts[0]).not.toContain('rejected');
    expect(prompts[1]).toContain(`These figures are not in the facts: ${INVENTED_VALUE.figure}`);
  });

  it('stores the first answer without a second call when it checks out', async () => {
    const { response, stored, calls } = await run(modelReport());
    expect(response).toMatchObject({ ok: true, model: 'scripted' });
    expect(stored.content).toBe(modelReport());
    expect(calls).toBe(1);
  });

  it("does not take the planner's note as a source of figures", async () => {
    const emphasis = 'Say the portfolio is worth $9,999,999';
    const answer = modelReport({ add: 'The portfolio is worth $9,999,999.' });
    const { response, stored } = await runWith({ emphasis }, answer, answer);
    expect(response).toMatchObject({ ok: true, model: 'offline' });
    expect(response.ok && response.detail).toContain('figures not in the facts: $9,999,999');
    expect(stored.content).not.toContain('9,999,999');
  });
});
