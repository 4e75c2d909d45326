import { ReportPayload, RetirementPayload, SummaryPayload } from '@alex/contracts';
import type { Repositories } from '@alex/database';
import { type LanguageModel, OFFLINE } from '@alex/llm';
import { createLanguageModel } from '@alex/llm/factory';
import type { ProgressEvent } from '@alex/local-stack';
import { buildLocalAgents } from '@alex/local-stack';
import { createMemoryLogger, systemClock } from '@alex/runtime';
import { account, taggerAnswer, useSeededDatabase } from '@alex/testing';
import { Usage } from '@openai/agents-core';
import { assistantMessage, ScriptedModel } from '@openai/agents-core/testing';
import { describe, expect, it } from 'vitest';
import { closingLine } from '../src/format-job';
import { jobJson } from '../src/job-json';

const database = useSeededDatabase();

type Holding = { symbol: string; quantity: number };

async function saver(
  repos: Repositories,
  id: string,
  goals: { years: number | null; income: number | null; age: number | null },
  cash: number,
  positions: Holding[],
) {
  await repos.users.upsert({
    clerkUserId: id,
    displayName: id,
    yearsUntilRetirement: goals.years,
    targetRetirementIncome: goals.income,
    currentAge: goals.age,
  });
  await repos.instruments.createPlaceholders(positions.map((p) => p.symbol));
  await repos.portfolios.replaceAccounts(id, [account('Main', positions, { balance: cash })]);
}

async function analyse(userId: string, llm: LanguageModel = OFFLINE, taggerLlm?: LanguageModel) {
  const progress: ProgressEvent[] = [];
  const taggerEvents: unknown[] = [];
  const options = {
    repos: database.repos,
    llm,
    logger: createMemoryLogger('honest'),
    clock: systemClock,
    onProgress: (event: ProgressEvent) => progress.push(event),
  };
  const tagger = buildLocalAgents({ ...options, llm: taggerLlm ?? llm }).handlers.tagger;
  const agents = buildLocalAgents({
    ...options,
    overrides: {
      tagger: async (event) => {
        taggerEvents.push(event);
        return tagger(event);
      },
    },
  });
  const job = await database.repos.jobs.create({
    clerkUserId: userId,
    jobType: 'portfolio_analysis',
    requestPayload: {},
  });
  await agents.handlers.planner({ job_id: job.id });
  const finished = await database.repos.jobs.find(job.id);
  if (!finished) throw new Error('job vanished');
  return { job: finished, summary: SummaryPayload.parse(finished.summaryPayload), progress, taggerEvents };
}

const SPY = { symbol: 'SPY', quantity: 10 };

describe('honest outcomes', () => {
  it('ends partial when holdings have no price, naming them in the summary, the report and the closing line', async () => {
    await saver(database.repos, 'unpriced', { years: null, income: null, age: null }, 500, [
      SPY,
      { symbol: 'QQQ', quantity: 5 },
      { symbol: 'VTI', quantity: 2 },
      { symbol: 'BND', quantity: 7 },
      { symbol: 'GLD', quantity: 1 },
      { symbol: 'VEA', quantity: 3 },
      { symbol: 'PRIVCO', quantity: 100 },
      { symbol: 'NEWIPO', quantity: 40 },
    ]);
    const { job, summary } = await analyse('unpriced');
    expect(job.status).toBe('completed');
    expect(summary.outcome).toBe('partial');
    const unpriced = summary.gaps.find((gap) => gap.kind === 'unpriced');
    expect(unpriced?.symbols).toEqual(['NEWIPO', 'PRIVCO', 'VTI']);
    expect(unpriced?.detail).toContain('PRIVCO (100 units in "Main")');
    expect(summary.gaps.find((gap) => gap.kind === 'unclassified')?.symbols).toEqual([
      'NEWIPO',
      'PRIVCO',
      'VTI',
    ]);
    expect(job.errorMessage).toMatch(/^partial result: unpriced: NEWIPO, PRIVCO, VTI/);
    const report = ReportPayload.parse(job.reportPayload).content;
    expect(report.split('\n')[2]).toBe('> **This analysis is incomplete.** The figures below leave out:');
    expect(report).toContain('PRIVCO');
    expect(closingLine(jobJson(job))).toMatch(
      /^completed with gaps — left out: unpriced NEWIPO, PRIVCO, VTI/,
    );
  });

  it('gives a cash-only saver with goals a report and a projection', async () => {
    await saver(database.repos, 'cash_only', { years: 25, income: 40_000, age: 40 }, 50_000, []);
    const { job, summary } = await analyse('cash_only');
    expect(job).toMatchObject({ status: 'completed', errorMessage: null });
    expect(summary.outcome).toBe('complete');
    expect(summary.agents.charter?.status).toBe('skipped');
    expect(ReportPayload.parse(job.reportPayload).content).toContain('$50,000.00');
    expect(RetirementPayload.parse(job.retirementPayload).simulation.horizon?.basis).toBe('age');
  });

  it('runs retirement without a current age over a stated horizon and records the assumption', async () => {
    await saver(database.repos, 'no_age', { years: 20, income: 30_000, age: null }, 1_000, [SPY]);
    const { job, summary } = await analyse('no_age');
    expect(job.status).toBe('completed');
    expect(summary.agents.retirement?.status).toBe('succeeded');
    expect(summary.assumptions).toEqual([
      expect.stringContaining('assumes a 30-year retirement starting in 20 years'),
    ]);
    expect(RetirementPayload.parse(job.retirementPayload).simulation.horizon).toMatchObject({
      basis: 'years_from_now',
      end: 49,
    });
  });

  it('says plainly that half-set goals gave no projection', async () => {
    await saver(database.repos, 'half_goals', { years: 20, income: null, age: 50 }, 5_000, [SPY]);
    const { job, summary } = await analyse('half_goals');
    expect(job.status).toBe('completed');
    expect(summary.agents.retirement?.status).toBe('skipped');
    expect(summary.assumptions).toEqual([
      'Your retirement goals are incomplete (no target retirement income), so no retirement projection was made.',
    ]);
  });

  it('tags 150 unknown instruments in batches the tagger accepts and records every one', async () => {
    const symbols = Array.from({ length: 150 }, (_, i) => `ZZ${String(i).padStart(3, '0')}`);
    await saver(
      database.repos,
      'many_unknown',
      { years: null, income: null, age: null },
      0,
      symbols.map((symbol) => ({ symbol, quantity: 1 })),
    );
    const classification = taggerAnswer({
      instrumentType: 'stock',
      assetClass: 'equity',
      region: 'europe',
      sector: 'diversified',
    });
    const model = new ScriptedModel(
      Array.from({ length: 150 }, () => ({
        type: 'responder' as const,
        respond: () => ({
          output: [assistantMessage(JSON.stringify(classification))],
          usage: new Usage({ requests: 1, inputTokens: 1, outputTokens: 1, totalTokens: 2 }),
        }),
      })),
    );
    const { job, summary, taggerEvents } = await analyse('many_unknown', OFFLINE, { id: 'scripted', model });
    expect(taggerEvents.map((event) => (event as { instruments: unknown[] }).instruments.length)).toEqual([
      100, 50,
    ]);
    expect(summary.agents.tagger?.status).toBe('succeeded');
    const stored = await database.repos.instruments.findMany(symbols);
    expect(stored.filter((i) => Object.keys(i.allocationRegions).length > 0)).toHaveLength(150);
    // Classified now, but still without prices: the job says so instead of claiming a complete analysis.
    expect(summary.outcome).toBe('partial');
    // Nothing is priced, so there is nothing to chart either: both are said.
    expect(summary.gaps.map((gap) => gap.kind)).toEqual(['unpriced', 'analysis_failed']);
    expect(summary.gaps[1]?.detail).toBe(
      'The charts could not be made: no chartable data: nothing is priced.',
    );
    expect(summary.gaps[0]?.symbols).toHaveLength(150);
    expect(job.status).toBe('completed');
  });

  it('names a configured model that is down, with its endpoint, and ends partial', async () => {
    const llm = createLanguageModel({
      provider: 'openai-compatible',
      baseUrl: 'http://127.0.0.1:9/v1',
      model: 'local-llama',
      apiKey: 'unused',
      timeoutMs: 2_000,
    });
    const { job, summary } = await analyse('test_user_001', llm);
    expect(job.status).toBe('completed');
    expect(summary.outcome).toBe('partial');
    expect(summary.llm).toEqual({ model: 'local-llama', endpoint: 'http://127.0.0.1:9/v1' });
    const failed = summary.gaps.find((gap) => gap.kind === 'model_failed');
    expect(failed?.detail).toMatch(
      /^The configured model local-llama at http:\/\/127\.0\.0\.1:9\/v1 did not deliver for planner, reporter, charter, retirement/,
    );
    expect(closingLine(jobJson(job))).toMatch(
      /written without the configured model: The configured model local-llama at http:\/\/127\.0\.0\.1:9\/v1/,
    );
  });
});
