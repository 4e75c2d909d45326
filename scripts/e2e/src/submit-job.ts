import type { AnalysisJobMessage } from '@alex/contracts';
import type { PortfoliosRepository, Repositories } from '@alex/database';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { type ApiTarget, apiAnalyze, apiUser } from './api-client';

/** A job handed to the stack, or why the full test cannot start one. */
export type Submission = { ok: true; jobId: string; userId: string } | { ok: false; aborted: string };

const REQUEST = { analysis_type: 'portfolio', options: {} };

/**
 * The direct path: creates the job over the Data API and sends the SQS message the API would send. A job
 * whose message cannot be sent is failed, so no pending orphan is left behind.
 */
export async function submitDirectly(
  repos: Repositories,
  sqs: SQSClient,
  queueUrl: string,
  userId: string,
  log: (line: string) => void,
): Promise<Submission> {
  if (!(await repos.users.find(userId))) {
    return {
      ok: false,
      aborted: `no user ${userId} in the database: run \`pnpm alex db seed\` against Aurora first`,
    };
  }
  const job = await repos.jobs.create({
    clerkUserId: userId,
    jobType: 'portfolio_analysis',
    requestPayload: REQUEST,
  });
  log(`job ${job.id} created for ${userId}`);
  const message: AnalysisJobMessage = { job_id: job.id, clerk_user_id: userId, ...REQUEST };
  try {
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(message) }));
  } catch (error) {
    await repos.jobs.finish(job.id, 'failed', 'the full test could not queue the job');
    throw error;
  }
  return { ok: true, jobId: job.id, userId };
}

/**
 * The API path, as the frontend does it: the token's user (GET /api/user), then POST /api/analyze. The
 * user must already hold positions, or there is nothing to analyse.
 */
export async function submitThroughApi(
  portfolios: Pick<PortfoliosRepository, 'load'>,
  target: ApiTarget,
  log: (line: string) => void,
): Promise<Submission> {
  const userId = await apiUser(target);
  const portfolio = await portfolios.load(userId);
  if (!portfolio?.accounts.some((account) => account.positions.length > 0)) {
    return {
      ok: false,
      aborted:
        `the token's user ${userId} holds no positions: add some in the frontend, or ` +
        `curl -X POST -H "Authorization: Bearer $ALEX_API_TOKEN" "$ALEX_API_URL/api/populate-test-data"`,
    };
  }
  const { jobId, message } = await apiAnalyze(target);
  log(`job ${jobId} started through ${target.url} for ${userId}: ${message}`);
  return { ok: true, jobId, userId };
}
