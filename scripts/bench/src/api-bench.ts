import { TEST_USER_ID } from '@alex/database';
import { startLocalApiServer } from '@alex/local-stack';
import { createJsonLogger } from '@alex/runtime';
import { runAnalyzeBurst } from './analyze-burst';
import { type BenchDatabase, onEachDatabase } from './bench-databases';
import { runConcurrently } from './load-run';
import { formatSummary, summarize } from './stats';

type Log = (line: string) => void;

const READS = 2_000;
const READ_CONCURRENCY = 20;
const WARM_UP_READS = 200;
const BURST = { users: 20, postsPerUser: 10, finishWithinMs: 5 * 60_000 };

const quietLogger = () => createJsonLogger({ service: 'bench', level: 'error' });

/** The reads never queue a job; a send would be a bug in the benchmark. */
const refusingQueue = {
  send: () => Promise.reject(new Error('the read benchmark queues nothing')),
};

/** `GET /api/jobs/{id}` over the socket, each request with its RS256 token verified by the app. */
async function benchJobReads(log: Log, database: BenchDatabase): Promise<void> {
  const { repos } = database;
  // Capacity without the per-user rate limit: one user's 2,000 reads would otherwise be mostly 429s.
  const server = await startLocalApiServer({
    repos,
    queue: refusingQueue,
    logger: quietLogger(),
    rateLimit: false,
  });
  try {
    const job = await repos.jobs.create({
      clerkUserId: TEST_USER_ID,
      jobType: 'portfolio_analysis',
      requestPayload: {},
    });
    const url = `${server.origin}/api/jobs/${job.id}`;
    const headers = { authorization: `Bearer ${await server.tokenFor(TEST_USER_ID)}` };
    const read = async () => {
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
      return response.status === 200;
    };
    await runConcurrently(WARM_UP_READS, READ_CONCURRENCY, read);
    const run = await runConcurrently(READS, READ_CONCURRENCY, read);
    const perSecond = READS / (run.wallMs / 1000);
    log(formatSummary(`  ${database.label}`, summarize(run.latenciesMs)));
    log(`    ${perSecond.toFixed(0)} req/s (${run.failures} answers other than 200)`);
  } finally {
    await server.close();
  }
}

/** Concurrent `POST /api/analyze` through the API on the local stack, and what became of the jobs. */
async function benchAnalyzeBurst(log: Log, database: BenchDatabase): Promise<void> {
  const { tally, postsMs, wallMs } = await runAnalyzeBurst(database.repos, quietLogger(), BURST);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  log(`  ${database.label}`);
  log(
    `    ${tally.posts} POSTs answered in ${seconds(postsMs)} (${tally.refused} not 200); ${tally.jobIdsReturned} distinct job ids returned`,
  );
  log(
    `    jobs created ${tally.jobsCreated}, completed ${tally.completed}, failed ${tally.failed}, lost ${tally.lost}, duplicated ${tally.duplicated}`,
  );
  log(
    `    jobs beyond one per user: ${tally.repeats} (POSTs after the user's job had finished, plus any duplicated); created but never returned: ${tally.unannounced}`,
  );
  log(`    wall time, first POST to last job finished: ${seconds(wallMs)}`);
}

/** The HTTP API over a real socket: job reads per second, and a burst of analyses from many users. */
export async function benchApi(log: Log): Promise<void> {
  log(
    `GET /api/jobs/{id} over 127.0.0.1, RS256 token verified per request (${READS} requests, ${READ_CONCURRENCY} at once)`,
  );
  await onEachDatabase(log, (database) => benchJobReads(log, database));
  const { users, postsPerUser } = BURST;
  log(
    `POST /api/analyze: ${users} users x ${postsPerUser} at once, local stack with the offline model (one active analysis per user)`,
  );
  log(
    `  (concurrent POSTs of one user share its active job, so distinct ids = jobs created; lost = answered 200 but not finished within ${BURST.finishWithinMs / 60_000} min; duplicated = ran while the same user's other job was running)`,
  );
  await onEachDatabase(log, (database) => benchAnalyzeBurst(log, database));
}
