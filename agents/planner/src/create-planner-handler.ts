import {
  type AnalysisJobMessage,
  JOB_QUEUE,
  JobEvent,
  parseJobMessageBody,
  type SqsBatchResponse,
  SqsEvent,
  type SqsRecord,
  SweepEvent,
} from '@alex/contracts';
import { errorMessage } from '@alex/errors';
import { inJobTrace } from '@alex/llm';
import { InvalidEventError } from '@alex/runtime';
import { type PlannerDeps, type PlannerOutcome, runPlanner } from './run-planner';
import { type SweepReport, sweepAbandonedJobs } from './sweep-abandoned-jobs';

/** The planner's Lambda response: a partial batch response for SQS, the outcome for a direct call. */
export type PlannerResponse = SqsBatchResponse | PlannerOutcome | SweepReport;

/** What Lambda passes as the second handler argument (the parts the planner reads). */
export interface PlannerInvocation {
  awsRequestId?: string;
  getRemainingTimeInMillis?(): number;
}

/** Options of the planner handler. */
export interface PlannerHandlerOptions {
  /** The queue's maxReceiveCount: on that receive a job is failed or left to its live owner. */
  maxReceives?: number;
  /** Sends a job message again (the sweep); without it a `{"sweep": true}` event is refused. */
  enqueue?: (message: AnalysisJobMessage) => Promise<unknown>;
  /** A pending job unchanged for this long has its message re-sent by the sweep (default 15 minutes). */
  pendingAfterMs?: number;
}

// Returns true when the record is done with (SQS deletes it), false for a batch item failure.
async function handleRecord(record: SqsRecord, deps: PlannerDeps, maxReceives: number): Promise<boolean> {
  const logger = deps.logger.child({ messageId: record.messageId });
  const message = parseJobMessageBody(record.body);
  if (!message.ok) {
    logger.error('unusable SQS message reported as a batch item failure', { reason: message.error });
    return false;
  }
  const jobLogger = logger.child({ jobId: message.value.job_id });
  const finalAttempt = Number(record.attributes?.ApproximateReceiveCount ?? '1') >= maxReceives;
  try {
    const outcome = await inJobTrace('planner', message.value.job_id, () =>
      runPlanner({ jobId: message.value.job_id, finalAttempt }, { ...deps, logger: jobLogger }),
    );
    if (outcome.kind === 'not_found') jobLogger.error('no such job; reported as a batch item failure');
    if (outcome.kind === 'busy') {
      // Another attempt holds a live claim. The message comes back after the visibility timeout, when that
      // attempt is over; on the last receive it goes, because that attempt (or the sweep) ends the job.
      if (finalAttempt) jobLogger.warn('last receive while another attempt runs the job; message deleted');
      return finalAttempt;
    }
    return outcome.kind !== 'not_found';
  } catch (error) {
    jobLogger.error('planner failed; the message will be retried', { error: errorMessage(error) });
    return false;
  }
}

/** The deps of one invocation: its request id names the claim owner, its deadline bounds retries. */
function invocationDeps(deps: PlannerDeps, invocation: PlannerInvocation | undefined): PlannerDeps {
  const remaining = invocation?.getRemainingTimeInMillis?.bind(invocation);
  return {
    ...deps,
    ...(deps.claimOwner === undefined && invocation?.awsRequestId
      ? { claimOwner: `lambda:${invocation.awsRequestId}` }
      : {}),
    ...(deps.remainingTimeMs === undefined && remaining ? { remainingTimeMs: remaining } : {}),
  };
}

/**
 * Builds the planner handler over its dependencies: SQS batches (every record), a direct `{job_id}`, or the
 * scheduled `{"sweep": true}` that hands abandoned jobs back to the queue.
 */
export function createPlannerHandler(deps: PlannerDeps, options: PlannerHandlerOptions = {}) {
  const maxReceives = options.maxReceives ?? JOB_QUEUE.max_receive_count;
  return async (event: unknown, invocation?: PlannerInvocation): Promise<PlannerResponse> => {
    const current = invocationDeps(deps, invocation);
    const batch = SqsEvent.safeParse(event);
    if (batch.success) {
      const results = await Promise.all(
        batch.data.Records.map((record) => handleRecord(record, current, maxReceives)),
      );
      const failures = batch.data.Records.filter((_, index) => !results[index]);
      return { batchItemFailures: failures.map((record) => ({ itemIdentifier: record.messageId })) };
    }
    const direct = JobEvent.safeParse(event);
    // A direct invocation is never redelivered, so it is its own final attempt.
    if (direct.success)
      return inJobTrace('planner', direct.data.job_id, () =>
        runPlanner({ jobId: direct.data.job_id, finalAttempt: true }, current),
      );
    if (SweepEvent.safeParse(event).success && options.enqueue) {
      return sweepAbandonedJobs({
        repos: current.repos,
        enqueue: options.enqueue,
        maxAttempts: maxReceives,
        pendingAfterMs: options.pendingAfterMs ?? 15 * 60_000,
        logger: current.logger.child({ task: 'sweep' }),
        ...(current.metrics ? { metrics: current.metrics } : {}),
        ...(current.remainingTimeMs ? { remainingTimeMs: current.remainingTimeMs } : {}),
      });
    }
    deps.logger.error('planner received an event it does not accept');
    throw new InvalidEventError('expected an SQS event, {"job_id": "<uuid>"} or {"sweep": true}');
  };
}
