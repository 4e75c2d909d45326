import { writeFile } from 'node:fs/promises';
import { localClaimOwner } from '@alex/agent-planner';
import { AnalysisQuestion } from '@alex/contracts';
import {
  createRepositories,
  type DatabaseHandle,
  importPortfolio,
  seedDemoOnce,
  TEST_USER_ID,
} from '@alex/database';
import { describeSweep, startLocalStack } from '@alex/local-stack';
import { renderJobHtml } from '@alex/report';
import { CliError, NotFoundError, UsageError } from '../errors';
import { closingLine, formatJobSummary } from '../format-job';
import { jobJson } from '../job-json';
import { withConfiguredDatabase } from '../local-database';
import { agentLogger, localAgents, localRepositories } from '../local-runtime';
import { createProgressView } from '../progress-view';
import { readPortfolioFile } from '../read-portfolio-file';
import { waitForJob } from '../wait-for-job';
import type { CommandContext } from './command';

/** Decides whose portfolio to analyse: an imported file's user, --user, or the seeded demo user. */
async function resolveUser(context: CommandContext, handle: DatabaseHandle) {
  const { flags, output } = context;
  if (typeof flags.portfolio === 'string') {
    if (typeof flags.user === 'string') throw new UsageError('use --user or --portfolio, not both');
    const file = await readPortfolioFile(flags.portfolio);
    const summary = await importPortfolio(handle.db, file);
    output.log(`imported ${summary.clerkUserId} from ${flags.portfolio}`);
    return summary.clerkUserId;
  }
  const userId = typeof flags.user === 'string' ? flags.user : TEST_USER_ID;
  const repos = createRepositories(handle.db);
  if (!(await repos.users.find(userId))) {
    if (userId !== TEST_USER_ID)
      throw new NotFoundError(`no user "${userId}": import one with --portfolio FILE`);
    // Several first runs at once seed once: the others wait for it and find the user.
    if (await seedDemoOnce(handle.db))
      output.log('first run: seeded the reference instruments and test_user_001');
  }
  return userId;
}

/** `--question "…"` as the job's options, or a usage error saying what is wrong with it. */
function questionOption(value: unknown): { question?: string } {
  if (value === undefined) return {};
  const parsed = AnalysisQuestion.safeParse(value);
  if (!parsed.success)
    throw new UsageError(`--question ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
  return { question: parsed.data };
}

/** `alex analyze`: submits a job through the local queue, shows progress, prints the finished job. */
export async function analyze(context: CommandContext): Promise<void> {
  const { flags, output } = context;
  await withConfiguredDatabase(output, { requireSchema: true }, async (handle) => {
    const userId = await resolveUser(context, handle);
    const repos = localRepositories(handle);
    const progress = createProgressView(process.stderr);
    const agents = localAgents(handle, { onProgress: progress.onProgress });
    const stack = await startLocalStack({
      planner: agents.handlers.planner,
      logger: agentLogger(),
      ...(handle.driver === 'data-api' ? {} : { sweep: { repos } }),
    });
    for (const line of describeSweep(stack.swept)) output.log(line);
    try {
      const request = { analysis_type: 'portfolio', options: questionOption(flags.question) };
      // The submitter is recorded so another command's sweep leaves this job to this process while it lives.
      const submitted = { ...request, submitted_by: localClaimOwner() };
      const job = await repos.jobs.create({
        clerkUserId: userId,
        jobType: 'portfolio_analysis',
        requestPayload: submitted,
      });
      progress.log(`job ${job.id} queued for ${userId}`);
      await stack.submit({ job_id: job.id, clerk_user_id: userId, ...request });
      const finished = await waitForJob(repos.jobs, job.id, 10 * 60_000).finally(progress.stop);
      const row = jobJson(finished);
      if (typeof flags.html === 'string') {
        await writeFile(flags.html, renderJobHtml(row));
        output.log(`wrote ${flags.html}`);
      }
      output.result(row, () => formatJobSummary(row));
      // With --json, stdout holds the document only; the closing line still reaches the person on stderr.
      if (output.json) output.log(closingLine(row));
      if (finished.status === 'failed')
        throw new CliError(`job ${job.id} failed: ${finished.errorMessage ?? 'no reason recorded'}`);
    } finally {
      progress.stop();
      await stack.stop();
    }
  });
}
