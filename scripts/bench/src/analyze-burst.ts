import type { Repositories } from '@alex/database';
import { OFFLINE } from '@alex/llm';
import {
  buildLocalAgents,
  type LocalApiServer,
  startLocalApiServer,
  startLocalStack,
} from '@alex/local-stack';
import type { Logger } from '@alex/runtime';
import { systemClock } from '@alex/runtime';
import { type AnalyzeAnswer, type AnalyzeTally, type TalliedJob, tallyAnalyze } from './analyze-tally';

/** How many users post at once, how often each, and how long their jobs may take to finish. */
export interface BurstOptions {
  users: number;
  postsPerUser: number;
  finishWithinMs: number;
}

/** What a burst answered and left in the jobs table, with its timings. */
export interface BurstResult {
  tally: AnalyzeTally;
  /** From the first POST until the last answer. */
  postsMs: number;
  /** From the first POST until every job of these users finished (or the wait gave up). */
  wallMs: number;
}

/** Users `bench_user_001`... with a profile, one account and two positions, written through the repositories. */
async function seedUsers(repos: Repositories, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `bench_user_${String(i + 1).padStart(3, '0')}`);
  for (const id of ids) {
    await repos.users.upsert({
      clerkUserId: id,
      displayName: id,
      yearsUntilRetirement: 25,
      targetRetirementIncome: 80_000,
    });
    const account = await repos.accounts.create(id, {
      accountName: 'Brokerage',
      accountPurpose: 'Long-term savings',
      cashBalance: 2_500,
      cashInterest: 0,
    });
    await repos.positions.upsert(id, { accountId: account.id, symbol: 'SPY', quantity: 20 });
    await repos.positions.upsert(id, { accountId: account.id, symbol: 'BND', quantity: 40 });
  }
  return ids;
}

async function postAnalyze(server: LocalApiServer, userId: string, token: string): Promise<AnalyzeAnswer> {
  const response = await fetch(`${server.origin}/api/analyze`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ analysis_type: 'portfolio' }),
  });
  const body = (await response.json().catch(() => null)) as { job_id?: unknown } | null;
  return { userId, status: response.status, jobId: typeof body?.job_id === 'string' ? body.job_id : null };
}

/** Polls the users' job rows until none is pending or running, or the deadline passes. */
async function waitForJobs(repos: Repositories, userIds: string[], deadline: number): Promise<TalliedJob[]> {
  for (;;) {
    const rows = (await Promise.all(userIds.map((id) => repos.jobs.listByUser(id, 1_000)))).flat();
    const active = rows.some((row) => row.status === 'pending' || row.status === 'running');
    if (!active || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Wires the API to the local stack as `alex serve` does (the local jobs queue with the sweep, the five agents
 * in-process, here on the offline model), posts `postsPerUser` analyses from each of `users` seeded users all
 * at once, and waits for every job of those users to finish.
 */
export async function runAnalyzeBurst(
  repos: Repositories,
  logger: Logger,
  options: BurstOptions,
): Promise<BurstResult> {
  const userIds = await seedUsers(repos, options.users);
  const agents = buildLocalAgents({ repos, llm: OFFLINE, logger, clock: systemClock });
  const stack = await startLocalStack({ planner: agents.handlers.planner, logger, sweep: { repos } });
  // 10 POSTs a user stay under the API's per-user rate limit; the bench measures the API without it anyway.
  const server = await startLocalApiServer({ repos, queue: stack.queue, logger, rateLimit: false });
  try {
    const tokens = await Promise.all(userIds.map((id) => server.tokenFor(id)));
    const posts = userIds.flatMap((id, i) =>
      Array.from({ length: options.postsPerUser }, () => ({ id, token: tokens[i] ?? '' })),
    );
    const started = performance.now();
    const answers = await Promise.all(posts.map(({ id, token }) => postAnalyze(server, id, token)));
    const postsMs = performance.now() - started;
    const rows = await waitForJobs(repos, userIds, Date.now() + options.finishWithinMs);
    return { tally: tallyAnalyze(answers, rows), postsMs, wallMs: performance.now() - started };
  } finally {
    await server.close();
    await stack.stop();
  }
}
