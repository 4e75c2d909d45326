import { isLocalOwnerAlive, type SweepReport, sweepAbandonedJobs } from '@alex/agent-planner';
import { type AnalysisJobMessage, JOB_QUEUE } from '@alex/contracts';
import type { Repositories } from '@alex/database';
import { errorMessage } from '@alex/errors';
import type { JobQueue } from '@alex/local-sqs';
import type { AgentHandler, Logger } from '@alex/runtime';
import { startLocalJobQueue } from './local-job-queue';

/** The sweep of abandoned jobs the local stack runs when it starts and then every `everyMs`. */
export interface LocalSweepOptions {
  repos: Repositories;
  /**
   * At start, a pending job idle this long is re-sent (default 0: the queue lives in memory, so the messages
   * of an earlier process died with it; a duplicate is harmless, claims dedupe).
   */
  pendingAfterMsAtStart?: number;
  /** Later sweeps re-send a pending job idle this long (default 5 minutes). */
  pendingAfterMs?: number;
  /** How often to sweep again while the stack runs (default 30 s; 0: only at start). */
  everyMs?: number;
  /** Whether a claim's owner still runs (default: local processes on this host are checked by pid). */
  isOwnerAlive?: (owner: string) => boolean | undefined;
}

/** The local stand-in for SQS and the planner's event source mapping. */
export interface LocalStack {
  queueUrl: string;
  dlqUrl: string;
  /** The producer port over the jobs queue, as the API's `createApp` takes it. */
  queue: JobQueue;
  /** Sends a job message the way the API does. */
  submit(message: AnalysisJobMessage): Promise<string>;
  /** Sends a raw body, for drills with malformed messages. */
  sendRaw(body: string): Promise<void>;
  /** Messages waiting in the dead-letter queue. */
  deadLetters(): Promise<number>;
  /** What the sweep at start did (null without a sweep): jobs of dead processes resumed or failed. */
  swept: SweepReport | null;
  stop(): Promise<void>;
}

/**
 * Starts the local jobs queue (see {@link startLocalJobQueue}) delivering to the planner handler, up to
 * `concurrency` jobs at once, and the sweep of abandoned jobs.
 */
export async function startLocalStack(options: {
  planner: AgentHandler;
  logger: Logger;
  visibilityTimeoutSeconds?: number;
  /** Jobs the planner runs at once (default 10). */
  concurrency?: number;
  /** Sweeps abandoned jobs once the queue exists, and then periodically. */
  sweep?: LocalSweepOptions;
}): Promise<LocalStack> {
  const jobs = await startLocalJobQueue({
    deliver: (event) => options.planner(event),
    visibilityTimeoutSeconds: options.visibilityTimeoutSeconds ?? 60,
    concurrency: options.concurrency ?? 10,
    onError: (error) => options.logger.error('event source mapping error', { error }),
  });
  const sweeper = options.sweep
    ? startSweeper(options.sweep, (message) => jobs.queue.send(message), options.logger)
    : null;
  // A failed sweep is logged, never fatal: the jobs it would have resumed wait for the next one.
  const swept = sweeper ? await sweeper.first.catch(() => null) : null;
  return {
    swept,
    queueUrl: jobs.queueUrl,
    dlqUrl: jobs.dlqUrl,
    queue: jobs.queue,
    submit: async (message) => (await jobs.queue.send(message)).messageId,
    sendRaw: jobs.sendRaw,
    deadLetters: jobs.deadLetters,
    async stop() {
      await sweeper?.stop();
      await jobs.stop();
    },
  };
}

/** Sweeps once now (resolving `first` with its report), then every `everyMs` until stopped. */
function startSweeper(
  options: LocalSweepOptions,
  enqueue: (message: AnalysisJobMessage) => Promise<unknown>,
  logger: Logger,
) {
  const sweep = (pendingAfterMs: number) =>
    sweepAbandonedJobs({
      repos: options.repos,
      enqueue,
      maxAttempts: JOB_QUEUE.max_receive_count,
      isOwnerAlive: options.isOwnerAlive ?? isLocalOwnerAlive,
      pendingAfterMs,
      logger: logger.child({ task: 'sweep' }),
    });
  let running: Promise<void> | null = null;
  // One sweep at a time: a tick that finds the previous sweep still running is skipped.
  const track = (work: Promise<unknown>) => {
    running = work
      .then(
        () => undefined,
        (error: unknown) => logger.warn('sweep of abandoned jobs failed', { error: errorMessage(error) }),
      )
      .finally(() => {
        running = null;
      });
  };
  const first = sweep(options.pendingAfterMsAtStart ?? 0);
  track(first);
  const everyMs = options.everyMs ?? 30_000;
  const timer =
    everyMs > 0
      ? setInterval(() => {
          if (!running) track(sweep(options.pendingAfterMs ?? 5 * 60_000));
        }, everyMs)
      : null;
  timer?.unref();
  return {
    first,
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}

/** One line per kind of thing a sweep did, e.g. `resumed 1 abandoned job: <id>`; none when it did nothing. */
export function describeSweep(report: SweepReport | null): string[] {
  if (!report) return [];
  const line = (verb: string, ids: string[]) =>
    ids.length === 0
      ? []
      : [`${verb} ${ids.length} abandoned job${ids.length === 1 ? '' : 's'}: ${ids.join(', ')}`];
  return [
    ...line('resumed', report.resumed),
    ...line('failed', report.failed),
    ...line('re-queued', report.resent),
  ];
}
