import { rmSync } from 'node:fs';
import type { AgentName } from '@alex/contracts';
import { stopDatabaseServer } from '@alex/local-stack';
import { newDataDir } from '@alex/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runCli } from './support/cli-process';
import {
  type FakeOpenAiServer,
  type RecordedRequest,
  startFakeOpenAiServer,
} from './support/fake-openai-server';

const dataDir = newDataDir('alex-models-');
let endpoint: FakeOpenAiServer;

beforeAll(async () => {
  // Neither a plan nor a classification nor a long enough report: every agent falls back to its rules or
  // templates, after asking the model it was configured with.
  endpoint = await startFakeOpenAiServer('Not a plan, not JSON: just a sentence.');
});

afterAll(async () => {
  await endpoint.close();
  await stopDatabaseServer(dataDir).catch(() => false);
  rmSync(dataDir, { recursive: true, force: true });
});

interface AnalyzedJob {
  status: string;
  summary_payload: { agents: Partial<Record<AgentName, { model: string | null; detail: string | null }>> };
}

/**
 * Runs `alex analyze` on a portfolio with an unclassified holding (so the tagger runs too) against the fake
 * endpoint with `models`, and returns the job and the requests this run sent.
 */
async function analyzeWith(models: Record<string, string>) {
  const before = endpoint.requests.length;
  const run = await runCli(['analyze', '--portfolio', fixture('portfolio-valid.json'), '--json'], {
    ALEX_DATA_DIR: dataDir,
    TZ: 'UTC',
    LLM_BASE_URL: endpoint.baseUrl,
    ...models,
  });
  expect(run.status, run.stderr).toBe(0);
  return { job: JSON.parse(run.stdout) as AnalyzedJob, requests: endpoint.requests.slice(before) };
}

/** Each model requested, with the distinct system prompts (one per agent) its requests carried. */
function promptsByModel(requests: RecordedRequest[]): Map<string, Set<string>> {
  const byModel = new Map<string, Set<string>>();
  for (const { model, system } of requests) byModel.set(model, (byModel.get(model) ?? new Set()).add(system));
  return byModel;
}

/** Whether an agent's record in the summary names `model` (its model, or the model that failed it). */
const names = (record: { model: string | null; detail: string | null } | undefined, model: string) =>
  record?.model === model ||
  (record?.detail ?? '').includes(`model ${model} `) ||
  (record?.detail ?? '').includes(`(model ${model})`);

describe('a model per agent through alex analyze and a local OpenAI-compatible endpoint', () => {
  it('sends each agent’s requests with its own model and never the shared one', async () => {
    const own: Record<AgentName, string> = {
      planner: 'planner-1b',
      tagger: 'tagger-3b',
      reporter: 'reporter-8b',
      charter: 'charter-8b',
      retirement: 'retirement-8b',
    };
    const { job, requests } = await analyzeWith({
      LLM_MODEL: 'shared-8b',
      PLANNER_LLM_MODEL: own.planner,
      TAGGER_LLM_MODEL: own.tagger,
      REPORTER_LLM_MODEL: own.reporter,
      CHARTER_LLM_MODEL: own.charter,
      RETIREMENT_LLM_MODEL: own.retirement,
    });

    expect(job.status).toBe('completed');
    const byModel = promptsByModel(requests);
    expect([...byModel.keys()].sort()).toEqual(Object.values(own).sort());
    // One agent per model: each model's requests carry one system prompt, and the five prompts differ.
    for (const prompts of byModel.values()) expect(prompts.size).toBe(1);
    expect(new Set([...byModel.values()].flatMap((prompts) => [...prompts])).size).toBe(5);
    // And each specialist's record names its own model, so the model left over is the planner's.
    for (const agent of ['tagger', 'reporter', 'charter', 'retirement'] as const) {
      expect(names(job.summary_payload.agents[agent], own[agent]), agent).toBe(true);
    }
  }, 120_000);

  it('gives the planner a small model and every other agent the shared one', async () => {
    const { job, requests } = await analyzeWith({
      LLM_MODEL: 'llama3.1:8b',
      PLANNER_LLM_MODEL: 'llama3.2:1b',
      // Empty, as copied from .env.example: unset, so the shared model applies.
      TAGGER_LLM_MODEL: '',
    });

    const byModel = promptsByModel(requests);
    expect([...byModel.keys()].sort()).toEqual(['llama3.1:8b', 'llama3.2:1b']);
    // The planner alone on the small model; the four others (distinct prompts) on the shared one.
    expect(byModel.get('llama3.2:1b')?.size).toBe(1);
    expect(byModel.get('llama3.1:8b')?.size).toBe(4);
    const plannerPrompt = [...(byModel.get('llama3.2:1b') ?? [])][0];
    expect(byModel.get('llama3.1:8b')?.has(plannerPrompt ?? '')).toBe(false);
    for (const agent of ['tagger', 'reporter', 'charter', 'retirement'] as const) {
      expect(names(job.summary_payload.agents[agent], 'llama3.1:8b'), agent).toBe(true);
    }
  }, 120_000);

  it('refuses to start when an agent’s model is invalid, naming the variable', async () => {
    const run = await runCli(['analyze', '--json'], {
      ALEX_DATA_DIR: dataDir,
      TZ: 'UTC',
      LLM_BASE_URL: endpoint.baseUrl,
      LLM_MODEL: 'llama3.1:8b',
      CHARTER_LLM_MODEL: 'llama 3.1',
    });

    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/CHARTER_LLM_MODEL: must be a model name without spaces/);
  }, 60_000);
});
