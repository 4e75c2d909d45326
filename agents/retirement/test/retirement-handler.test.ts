import { RetirementPayload } from '@alex/contracts';
import { OFFLINE } from '@alex/llm';
import {
  account,
  agentDeps,
  createRunningJob,
  recordedEvent,
  scriptedLlm,
  useSeededDatabase,
} from '@alex/testing';
import type { ScriptedModel } from '@openai/agents-core/testing';
import { describe, expect, it } from 'vitest';
import { createRetirementHandler, type RetirementDeps } from '../src';
import { modelAnalysis } from './support/model-analysis';

const event = recordedEvent(new URL('./events/job.json', import.meta.url));
const analysis = modelAnalysis();

const database = useSeededDatabase();
const deps = (model: ScriptedModel | null): RetirementDeps => ({
  ...agentDeps(database, 'retirement'),
  llm: model ? { id: 'scripted', model } : OFFLINE,
  paths: 2000,
});

async function payloadOf(jobId: string) {
  return RetirementPayload.parse((await database.repos.jobs.find(jobId))?.retirementPayload);
}

describe('retirement handler', () => {
  it('stores the seeded simulation with an offline analysis on its recorded event', async () => {
    const job = await createRunningJob(database.repos, { id: event.job_id as string });
    expect(await createRetirementHandler(deps(null))(event)).toMatchObject({ ok: true, model: 'offline' });
    const payload = await payloadOf(job.id);
    expect(payload.simulation.paths).toBe(2000);
    expect(payload.simulation.bands[0]).toMatchObject({ year: 0, age: 40 });
    expect(payload.simulation.bands.at(-1)?.age).toBe(95);
    expect(payload.analysis).toContain('Written without a language model');
    const rate = (payload.simulation.success_rate * 100).toFixed(1);
    expect(payload.analysis).toContain(`Success rate (target funded every year to age 95): ${rate}%`);
  });

  it('gives identical numbers for the same seed in two jobs', async () => {
    const first = await createRunningJob(database.repos);
    const second = await createRunningJob(database.repos);
    await createRetirementHandler(deps(null))({ job_id: first.id });
    await createRetirementHandler(deps(null))({ job_id: second.id });
    expect((await payloadOf(first.id)).simulation).toEqual((await payloadOf(second.id)).simulation);
  });

  it("stores the model's analysis beside the computed numbers", async () => {
    const job = await createRunningJob(database.repos);
    const { model } = scriptedLlm([analysis]);
    await createRetirementHandler(deps(model))({ job_id: job.id });
    const payload = await payloadOf(job.id);
    expect(payload).toMatchObject({ model: 'scripted', analysis: analysis.trim() });
    expect(payload.simulation.success_rate).toBeGreaterThan(0);
  });

  it('projects over a stated 30-year retirement when the age is not set, and says so', async () => {
    const { repos } = database;
    await repos.users.upsert({
      clerkUserId: 'no_age',
      displayName: 'N',
      yearsUntilRetirement: 20,
      targetRetirementIncome: 50000,
    });
    await repos.portfolios.replaceAccounts('no_age', [account('A', [], { balance: 1000 })]);
    const job = await createRunningJob(repos, { clerkUserId: 'no_age' });
    const response = await createRetirementHandler(deps(null))({ job_id: job.id });
    expect(response).toMatchObject({
      ok: true,
      detail: expect.stringContaining('30-year retirement assumed'),
    });
    const payload = await payloadOf(job.id);
    expect(payload.simulation.horizon).toMatchObject({
      basis: 'years_from_now',
      start: 0,
      retirement: 20,
      end: 49,
    });
    // Withdrawals every year from year 20 to year 49: thirty of them, counted in years from now, no age.
    expect(payload.simulation.bands.map((band) => band.age)).toEqual([...Array(50).keys()]);
    expect(payload.analysis).toContain('Your age is not set');
    expect(payload.analysis).toContain('to year 49 from now');
    expect(payload.analysis).not.toMatch(/from age|until age/);
  });

  it('runs the plan’s what-ifs beside the baseline on the same markets, setting aside ages out of range', async () => {
    const job = await createRunningJob(database.repos);
    const focus = {
      scenarios: [
        { retirement_age: 60 },
        { retirement_age: 70, target_income: 60_000 },
        { retirement_age: 30 },
      ],
    };
    const response = await createRetirementHandler(deps(null))({ job_id: job.id, focus });
    expect(response).toMatchObject({ ok: true, detail: expect.stringContaining('1 scenario(s) outside') });
    const payload = await payloadOf(job.id);
    const [at60, at70] = payload.scenarios ?? [];
    expect(payload.scenarios).toHaveLength(2);
    expect(at60?.parameters).toEqual({ retirement_age: 60 });
    expect(at70?.parameters).toEqual({ retirement_age: 70, target_income: 60_000 });
    // Same markets: retiring earlier on the same target never does better, later with less spending never worse.
    expect(at60?.success_rate).toBeLessThanOrEqual(payload.simulation.success_rate);
    expect(at70?.success_rate).toBeGreaterThan(payload.simulation.success_rate);
    const rate = ((at70?.success_rate ?? 0) * 100).toFixed(1);
    expect(payload.analysis).toContain(
      `What if retiring at age 70, spending $60,000.00 a year: money lasts in ${rate}%`,
    );
  });
});
