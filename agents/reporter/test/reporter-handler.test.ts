import { ReportPayload } from '@alex/contracts';
import { OFFLINE } from '@alex/llm';
import type { Knowledge } from '@alex/runtime';
import { agentDeps, createRunningJob, recordedEvent, scriptedLlm, useSeededDatabase } from '@alex/testing';
import { Usage } from '@openai/agents-core';
import { assistantMessage, functionCall, ScriptedModel } from '@openai/agents-core/testing';
import { describe, expect, it } from 'vitest';
import { createReporterHandler, type ReporterDeps } from '../src';
import { modelReport } from './support/model-report';

const event = recordedEvent(new URL('./events/job.json', import.meta.url));
const usage = () => new Usage({ requests: 1, inputTokens: 300, outputTokens: 200, totalTokens: 500 });

const database = useSeededDatabase();
const searched: string[][] = [];
const knowledge: Knowledge = {
  async search(symbols) {
    searched.push([...symbols]);
    return [{ title: 'Core bond funds', text: 'Bond prices fall when rates rise.', source: 'test notes' }];
  },
};
const deps = (model: ScriptedModel | null): ReporterDeps => ({
  ...agentDeps(database, 'reporter'),
  llm: model ? { id: 'scripted', model } : OFFLINE,
  knowledge,
});

async function reportOf(jobId: string) {
  return ReportPayload.parse((await database.repos.jobs.find(jobId))?.reportPayload);
}

describe('reporter handler', () => {
  it('writes an offline report on its recorded event, marked as written without a model', async () => {
    const job = await createRunningJob(database.repos, { id: event.job_id as string });
    const response = await createReporterHandler(deps(null))(event);
    expect(response).toMatchObject({ ok: true, agent: 'reporter', model: 'offline' });
    const report = await reportOf(job.id);
    expect(report).toMatchObject({ agent: 'reporter', model: 'offline' });
    expect(report.content).toContain('Written without a language model');
    expect(report.content).toContain('$99,437.50');
    expect(report.content).toContain('Core bond funds');
  });

  it("stores the model's report after it calls get_market_insights with the held symbols", async () => {
    const job = await createRunningJob(database.repos);
    const model = new ScriptedModel([
      {
        output: [functionCall('get_market_insights', { symbols: ['SPY', 'BND'] }, { callId: 'c1' })],
        usage: usage(),
      },
      { output: [assistantMessage(modelReport())], usage: usage() },
    ]);
    const response = await createReporterHandler(deps(model))({ job_id: job.id });
    expect(response).toMatchObject({
      ok: true,
      model: 'scripted',
      usage: { requests: 2, input_tokens: 600 },
    });
    expect((await reportOf(job.id)).content).toBe(modelReport());
    expect(searched).toContainEqual(['SPY', 'BND']);
  });

  it('falls back to the offline report when the model returns something that is not a report', async () => {
    const job = await createRunningJob(database.repos);
    const { model } = scriptedLlm(['ok', 'ok']);
    const response = await createReporterHandler(deps(model))({ job_id: job.id });
    expect(response).toMatchObject({ ok: true, model: 'offline' });
    expect(response.ok && response.detail).toMatch(/^model text rejected: .*too short/);
    expect((await reportOf(job.id)).model).toBe('offline');
  });

  it('refuses a job that is not running and writes nothing', async () => {
    const job = await database.repos.jobs.create({
      clerkUserId: 'test_user_001',
      jobType: 'portfolio_analysis',
      requestPayload: null,
    });
    const response = await createReporterHandler(deps(null))({ job_id: job.id });
    expect(response).toEqual({
      ok: false,
      agent: 'reporter',
      error: `job ${job.id} is pending, not running`,
    });
    expect((await database.repos.jobs.find(job.id))?.reportPayload).toBeNull();
  });

  it('writes nothing for an attempt the job has moved past', async () => {
    const job = await createRunningJob(database.repos);
    const response = await createReporterHandler(deps(null))({ job_id: job.id, attempt: job.attempts + 1 });
    expect(response).toEqual({
      ok: false,
      agent: 'reporter',
      error: `job ${job.id} is on attempt ${job.attempts}, not ${job.attempts + 1}`,
    });
    expect((await database.repos.jobs.find(job.id))?.reportPayload).toBeNull();
  });

  it('rejects an event without a uuid job id', async () => {
    await expect(createReporterHandler(deps(null))({ job_id: 'nope' })).rejects.toThrow(
      /job_id must be a uuid/,
    );
  });
});
