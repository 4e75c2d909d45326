import type { AgentName, AgentResponse } from '@alex/contracts';
import { type LanguageModel, OFFLINE } from '@alex/llm';
import { storedPrices } from '@alex/market-data';
import { createMemoryLogger, type InvokeOutcome, systemClock } from '@alex/runtime';
import { openSeededDatabase, recordingInvoker, type SeededDatabase } from '@alex/testing';
import type { Model } from '@openai/agents-core';
import type { PlannerDeps } from '../src';

/** A successful agent response as a specialist would return it. */
export function succeeded(agent: AgentName, model = 'offline'): InvokeOutcome {
  const payload: AgentResponse = {
    ok: true,
    agent,
    model,
    usage: { requests: 1, input_tokens: 10, output_tokens: 5 },
    detail: null,
  };
  return { ok: true, payload };
}

type Behaviours = Parameters<typeof recordingInvoker>[0];

/** Planner deps over a fresh seeded database, a recording invoker and the given model. */
export async function plannerFixture(behaviours: Behaviours, model: Model | null = null) {
  const database: SeededDatabase = await openSeededDatabase();
  const invoker = recordingInvoker({
    reporter: async () => succeeded('reporter'),
    charter: async () => succeeded('charter'),
    retirement: async () => succeeded('retirement'),
    tagger: async () => succeeded('tagger'),
    ...behaviours,
  });
  const llm: LanguageModel = model ? { id: 'scripted-model', model } : OFFLINE;
  const logger = createMemoryLogger('planner');
  const deps: PlannerDeps = {
    repos: database.repos,
    invoker,
    llm,
    logger,
    clock: systemClock,
    marketData: storedPrices((symbols) => database.repos.instruments.storedPrices(symbols)),
  };
  const job = await database.repos.jobs.create({
    clerkUserId: 'test_user_001',
    jobType: 'portfolio_analysis',
    requestPayload: { analysis_type: 'portfolio' },
  });
  return { database, deps, invoker, logger, job };
}
