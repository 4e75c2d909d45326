import { ReportPayload, RetirementPayload, SummaryPayload } from '@alex/contracts';
import { OFFLINE } from '@alex/llm';
import { buildLocalAgents } from '@alex/local-stack';
import { createMemoryLogger, systemClock } from '@alex/runtime';
import { useSeededDatabase } from '@alex/testing';
import { describe, expect, it } from 'vitest';

const database = useSeededDatabase();

async function analyseWithQuestion(question: string) {
  const agents = buildLocalAgents({
    repos: database.repos,
    llm: OFFLINE,
    logger: createMemoryLogger('question'),
    clock: systemClock,
    retirementPaths: 2_000,
  });
  const job = await database.repos.jobs.create({
    clerkUserId: 'test_user_001',
    jobType: 'portfolio_analysis',
    requestPayload: { analysis_type: 'portfolio', options: { question } },
  });
  await agents.handlers.planner({ job_id: job.id });
  const finished = await database.repos.jobs.find(job.id);
  if (!finished) throw new Error('job vanished');
  return finished;
}

describe('a job with a question', () => {
  it('answers a what-if in the report with the figures stored in retirement_payload.scenarios', async () => {
    const job = await analyseWithQuestion('What happens if I retire at 60 instead?');
    expect(job.status).toBe('completed');
    const summary = SummaryPayload.parse(job.summaryPayload);
    expect(summary.plan).toMatchObject({ source: 'offline', origin: 'rules', question: expect.any(String) });
    const retirement = RetirementPayload.parse(job.retirementPayload);
    const [at60] = retirement.scenarios ?? [];
    expect(at60?.parameters).toEqual({ retirement_age: 60 });
    const report = ReportPayload.parse(job.reportPayload).content;
    expect(report.indexOf('## Your question')).toBeLessThan(
      report.indexOf('\n## ', report.indexOf('## Your question') + 3),
    );
    expect(report).toContain('What happens if I retire at 60 instead?');
    // The answer quotes the stored scenario's figure and the plan's own, to the tenth of a percent.
    const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;
    expect(report).toContain(pct(at60?.success_rate ?? -1));
    expect(report).toContain(pct(retirement.simulation.success_rate));
    // The retirement analysis carries the same scenario.
    expect(retirement.analysis).toContain(`money lasts in ${pct(at60?.success_rate ?? -1)}`);
  });

  it('skips the retirement run for a question about diversification, and says why', async () => {
    const job = await analyseWithQuestion('How diversified am I across sectors?');
    const summary = SummaryPayload.parse(job.summaryPayload);
    expect(summary.agents.retirement).toMatchObject({
      status: 'skipped',
      detail: 'not needed for the question',
    });
    expect(job.retirementPayload).toBeNull();
    expect(summary.outcome).toBe('complete');
  });
});
