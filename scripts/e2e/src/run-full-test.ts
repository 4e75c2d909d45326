import { valuePortfolio } from '@alex/analytics';
import type { Job, JobStatus } from '@alex/contracts';
import { createRepositories, type JobsRepository, TEST_USER_ID } from '@alex/database';
import { openDataApiDatabase } from '@alex/database/data-api';
import { SQSClient } from '@aws-sdk/client-sqs';
import { checkJob, type FullTestCheck } from './check-job';
import { clientSettings, type FullTestEnv } from './full-test-env';
import { type BreakableAgent, expectationFor } from './job-expectation';
import { submitDirectly, submitThroughApi } from './submit-job';

/** How the full test runs: which agents are broken on purpose, and how it polls. */
export interface FullTestOptions {
  broken?: readonly BreakableAgent[];
  userId?: string;
  /** Between two reads of the job; default 2000. */
  pollIntervalMs?: number;
  /** Longest wait for a terminal status; default 10 minutes. */
  timeoutMs?: number;
  /** Progress lines (job created, status changes). */
  log?: (line: string) => void;
}

/** The outcome of one full test: every check, and why it stopped early when it could not run. */
export interface FullTestResult {
  passed: boolean;
  jobId: string | null;
  status: JobStatus | null;
  durationMs: number;
  checks: FullTestCheck[];
  /** Set when the test could not run at all (e.g. the user is not seeded). */
  aborted: string | null;
}

async function waitForTerminal(
  jobs: JobsRepository,
  jobId: string,
  options: { intervalMs: number; timeoutMs: number; log: (line: string) => void },
): Promise<{ job: Job; terminal: boolean }> {
  const deadline = Date.now() + options.timeoutMs;
  let last: JobStatus | null = null;
  for (;;) {
    const job = await jobs.find(jobId);
    if (!job) throw new Error(`job ${jobId} disappeared`);
    if (job.status !== last) options.log(`job ${jobId} is ${job.status}`);
    last = job.status;
    if (job.status === 'completed' || job.status === 'failed') return { job, terminal: true };
    if (Date.now() >= deadline) return { job, terminal: false };
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
  }
}

/**
 * The end-to-end test: starts a job (through the deployed API when ALEX_API_URL and ALEX_API_TOKEN are set,
 * otherwise for test_user_001 over the Data API and the SQS message the API sends), waits for the job to
 * finish and checks every payload against the contracts and the valuation.
 */
export async function runFullTest(env: FullTestEnv, options: FullTestOptions = {}): Promise<FullTestResult> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const timeoutMs = options.timeoutMs ?? 600_000;
  const result = (fields: Partial<FullTestResult>): FullTestResult => {
    const checks = fields.checks ?? [];
    const aborted = fields.aborted ?? null;
    const passed = aborted === null && checks.length > 0 && checks.every((c) => c.ok);
    return {
      jobId: null,
      status: null,
      ...fields,
      checks,
      aborted,
      passed,
      durationMs: Date.now() - started,
    };
  };
  const database = await openDataApiDatabase({
    resourceArn: env.DATABASE_CLUSTER_ARN,
    secretArn: env.DATABASE_SECRET_ARN,
    database: env.DATABASE_NAME,
    ...clientSettings(env, env.AWS_ENDPOINT_URL_RDS_DATA),
  });
  const sqs = new SQSClient(clientSettings(env, env.AWS_ENDPOINT_URL_SQS));
  try {
    const repos = createRepositories(database.db);
    const submitted =
      env.ALEX_API_URL && env.ALEX_API_TOKEN
        ? await submitThroughApi(repos.portfolios, { url: env.ALEX_API_URL, token: env.ALEX_API_TOKEN }, log)
        : await submitDirectly(repos, sqs, env.ALEX_QUEUE_URL, options.userId ?? TEST_USER_ID, log);
    if (!submitted.ok) return result({ aborted: submitted.aborted });
    const { jobId, userId } = submitted;
    const { job: last, terminal } = await waitForTerminal(repos.jobs, jobId, {
      intervalMs: options.pollIntervalMs ?? 2000,
      timeoutMs,
      log,
    });
    const reached: FullTestCheck = {
      name: 'job reaches completed or failed',
      ok: terminal,
      detail: terminal
        ? `${last.status} after ${((Date.now() - started) / 1000).toFixed(1)} s`
        : `still ${last.status} after ${timeoutMs / 1000} s`,
    };
    if (!terminal) return result({ jobId, status: last.status, checks: [reached] });
    const portfolio = await repos.portfolios.load(userId);
    if (!portfolio) throw new Error(`the portfolio of ${userId} disappeared`);
    const checks = checkJob(last, valuePortfolio(portfolio).total, expectationFor(options.broken ?? []));
    return result({ jobId, status: last.status, checks: [reached, ...checks] });
  } finally {
    sqs.destroy();
    await database.close();
  }
}
