import { waitForJob } from '@alex/cli';
import type { SummaryPayload } from '@alex/contracts';
import { type LanguageModel, OFFLINE } from '@alex/llm';
import { buildLocalAgents, startLocalStack } from '@alex/local-stack';
import { createJsonLogger, systemClock } from '@alex/runtime';
import { openSeededDatabase } from '@alex/testing';
import { delayedModel } from './delayed-model';
import { formatSummary, summarize } from './stats';

type Log = (line: string) => void;

async function withStack<T>(
  llm: LanguageModel,
  body: (submit: () => Promise<SummaryPayload>) => Promise<T>,
): Promise<T> {
  const database = await openSeededDatabase();
  const logger = createJsonLogger({ service: 'bench', level: 'error' });
  const agents = buildLocalAgents({ repos: database.repos, llm, logger, clock: systemClock });
  const stack = await startLocalStack({ planner: agents.handlers.planner, logger });
  const submit = async () => {
    const job = await database.repos.jobs.create({
      clerkUserId: 'test_user_001',
      jobType: 'portfolio_analysis',
      requestPayload: {},
    });
    await stack.submit({ job_id: job.id });
    const done = await waitForJob(database.repos.jobs, job.id, 120_000);
    if (done.status !== 'completed')
      throw new Error(`benchmark job ${job.id} ${done.status}: ${done.errorMessage}`);
    return done.summaryPayload as SummaryPayload;
  };
  try {
    return await body(submit);
  } finally {
    await stack.stop();
    await database.close();
  }
}

/** Per-job overhead through the local queue with the offline model, one at a time and all at once. */
export async function benchOfflineJobs(log: Log, jobs = 50): Promise<void> {
  await withStack(OFFLINE, async (submit) => {
    await submit();
    const samples: number[] = [];
    for (let i = 0; i < jobs; i++) {
      const started = performance.now();
      await submit();
      samples.push(performance.now() - started);
    }
    log(`Offline jobs through the local queue (PGlite, 10,000-path simulation each)`);
    log(formatSummary(`  submit -> completed, one at a time`, summarize(samples)));
    const started = performance.now();
    await Promise.all(Array.from({ length: jobs }, () => submit()));
    const seconds = (performance.now() - started) / 1000;
    log(`  ${jobs} jobs submitted at once: ${seconds.toFixed(2)} s, ${(jobs / seconds).toFixed(1)} jobs/s`);
  });
}

/** With a model that waits 1 s per call: a job's wall time against its critical path. */
export async function benchCriticalPath(log: Log, delayMs = 1000): Promise<void> {
  const model = delayedModel(delayMs);
  await withStack({ id: 'delayed-1s', model }, async (submit) => {
    const started = performance.now();
    const summary = await submit();
    const wall = performance.now() - started;
    const slowest = Math.max(
      ...['reporter', 'charter', 'retirement'].map((a) => summary.agents[a]?.duration_ms ?? 0),
    );
    // One structured plan, taken as it is (the delayed model's plan passes the rules).
    const plannerTurns = 1;
    const critical = plannerTurns * delayMs + slowest;
    log(`Model waiting ${delayMs} ms per call (${model.calls} calls)`);
    log(
      `  wall ${(wall / 1000).toFixed(2)} s; critical path ${(critical / 1000).toFixed(2)} s = ${plannerTurns} planner turn${plannerTurns === 1 ? '' : 's'} + slowest specialist ${(slowest / 1000).toFixed(2)} s`,
    );
    log(
      `  wall / critical path = ${(wall / critical).toFixed(3)} (1.0 = specialists fully parallel; sequential would be about ${((plannerTurns * delayMs + 3 * slowest) / critical).toFixed(2)})`,
    );
  });
}
