import type { DatabaseHandle, Repositories } from '@alex/database';
import { seedDemoOnce } from '@alex/database';
import { describeSweep, type LocalStack, startLocalStack } from '@alex/local-stack';
import type { Logger } from '@alex/runtime';
import { agentLogger, localAgents, localRepositories } from './local-runtime';
import type { Output } from './output';
import { progressPrinter } from './progress-view';

/** The adapters `alex serve` hands to the API: repositories, the jobs queue with its in-process planner. */
export interface LocalApiStack {
  repos: Repositories;
  queue: LocalStack['queue'];
  logger: Logger;
  /** Stops the queue's poller and the sweep (waiting for deliveries in flight); the database stays open. */
  stop(): Promise<void>;
}

/**
 * Wires the local stack behind the API, as `alex analyze` does: the demo user seeded on first run, the five
 * agents in-process over `handle`, and the local jobs queue delivering to the planner with the sweep of
 * abandoned jobs (not over the Data API, whose jobs belong to AWS).
 */
export async function startLocalApiStack(handle: DatabaseHandle, output: Output): Promise<LocalApiStack> {
  if (handle.driver !== 'data-api' && (await seedDemoOnce(handle.db)))
    output.log('first run: seeded the reference instruments and test_user_001');
  const repos = localRepositories(handle);
  const logger = agentLogger();
  const agents = localAgents(handle, { onProgress: progressPrinter(output.log) });
  const stack = await startLocalStack({
    planner: agents.handlers.planner,
    logger,
    ...(handle.driver === 'data-api' ? {} : { sweep: { repos } }),
  });
  for (const line of describeSweep(stack.swept)) output.log(line);
  return { repos, queue: stack.queue, logger, stop: () => stack.stop() };
}
