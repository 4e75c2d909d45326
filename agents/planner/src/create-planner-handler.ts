import {
  JobEvent,
  parseJobMessageBody,
  type SqsBatchResponse,
  SqsEvent,
  type SqsRecord,
} from '@alex/contracts';
import { errorMessage, InvalidEventError } from '@alex/runtime';
import { type PlannerDeps, type PlannerOutcome, runPlanner } from './run-planner';

/** The planner's Lambda response: a partial batch response for SQS, the outcome for a direct call. */
export type PlannerResponse = SqsBatchResponse | PlannerOutcome;

/** Receives before SQS moves a message to the dead-letter queue (Terraform's maxReceiveCount, by default). */
export const MAX_RECEIVES = 3;

async function handleRecord(record: SqsRecord, deps: PlannerDeps, maxReceives: number): Promise<boolean> {
  const logger = deps.logger.child({ messageId: record.messageId });
  const message = parseJobMessageBody(record.body);
  if (!message.ok) {
    logger.error('unusable SQS message reported as a batch item failure', { reason: message.error });
    return false;
  }
  const jobLogger = logger.child({ jobId: message.value.job_id });
  try {
    const finalAttempt = Number(record.attributes?.ApproximateReceiveCount ?? '1') >= maxReceives;
    const outcome = await runPlanner(
      { jobId: message.value.job_id, finalAttempt },
      { ...deps, logger: jobLogger },
    );
    if (outcome.kind === 'not_found') jobLogger.error('no such job; reported as a batch item failure');
    return outcome.kind !== 'not_found';
  } catch (error) {
    jobLogger.error('planner failed; the message will be retried', { error: errorMessage(error) });
    return false;
  }
}

/** Builds the planner handler over its dependencies: SQS batches (every record) or a direct `{job_id}`. */
export function createPlannerHandler(deps: PlannerDeps, options: { maxReceives?: number } = {}) {
  const maxReceives = options.maxReceives ?? MAX_RECEIVES;
  return async (event: unknown): Promise<PlannerResponse> => {
    const batch = SqsEvent.safeParse(event);
    if (batch.success) {
      const results = await Promise.all(
        batch.data.Records.map((record) => handleRecord(record, deps, maxReceives)),
      );
      const failures = batch.data.Records.filter((_, index) => !results[index]);
      return { batchItemFailures: failures.map((record) => ({ itemIdentifier: record.messageId })) };
    }
    const direct = JobEvent.safeParse(event);
    // A direct invocation is never redelivered, so it is its own final attempt.
    if (direct.success) return runPlanner({ jobId: direct.data.job_id, finalAttempt: true }, deps);
    deps.logger.error('planner received an event it does not accept');
    throw new InvalidEventError('expected an SQS event or {"job_id": "<uuid>"}');
  };
}
