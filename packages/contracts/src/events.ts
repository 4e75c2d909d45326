import { formatIssues } from '@alex/errors';
import { z } from 'zod';
import { StepFocus } from './analysis-plan';

/** A job id: a uuid. */
export const JobId = z.uuid({ message: 'job_id must be a uuid' });

/** The SQS message body the API (and `alex analyze`) sends for one analysis job. */
export const AnalysisJobMessage = z.object({
  job_id: JobId,
  clerk_user_id: z.string().min(1).max(255).optional(),
  analysis_type: z.string().max(50).optional(),
  options: z.record(z.string(), z.unknown()).optional(),
});
export type AnalysisJobMessage = z.infer<typeof AnalysisJobMessage>;

/** One SQS record as Lambda delivers it (the fields the planner reads). */
export const SqsRecord = z.looseObject({
  messageId: z.string(),
  body: z.string(),
  attributes: z.looseObject({ ApproximateReceiveCount: z.string().optional() }).optional(),
  eventSource: z.literal('aws:sqs').optional(),
});
export type SqsRecord = z.infer<typeof SqsRecord>;

/** An SQS event from the Lambda event source mapping. */
export const SqsEvent = z.object({ Records: z.array(SqsRecord).min(1) });
export type SqsEvent = z.infer<typeof SqsEvent>;

/** A direct invocation naming one job (planner, reporter, charter, retirement). */
export const JobEvent = z.object({
  job_id: JobId,
  /** The planner's attempt (`jobs.attempts` when it claimed the job): a superseded attempt writes nothing. */
  attempt: z.number().int().min(1).optional(),
  /** What the plan asks this specialist to emphasise (the planner's step focus). */
  focus: StepFocus.optional(),
});
export type JobEvent = z.infer<typeof JobEvent>;

/** The scheduled call (EventBridge) that makes the planner sweep abandoned jobs. */
export const SweepEvent = z.object({ sweep: z.literal(true) });
export type SweepEvent = z.infer<typeof SweepEvent>;

/** What the planner handler accepts: an SQS batch, a direct `{job_id}` call or the scheduled sweep. */
export const PlannerEvent = z.union([SqsEvent, JobEvent, SweepEvent]);
export type PlannerEvent = z.infer<typeof PlannerEvent>;

/** An instrument the tagger should classify. */
export const TaggerInstrument = z.object({
  symbol: z.string().trim().min(1).max(20),
  name: z.string().trim().min(1).max(255),
});
export type TaggerInstrument = z.infer<typeof TaggerInstrument>;

/** The tagger's event: instruments lacking allocation data. */
export const TaggerEvent = z.object({
  instruments: z.array(TaggerInstrument).min(1).max(100),
  /** The job that asked, for its logs and traces only: instruments are shared, never per job. */
  job_id: JobId.optional(),
});
export type TaggerEvent = z.infer<typeof TaggerEvent>;

/** SQS partial batch response (ReportBatchItemFailures). */
export const SqsBatchResponse = z.object({
  batchItemFailures: z.array(z.object({ itemIdentifier: z.string() })),
});
export type SqsBatchResponse = z.infer<typeof SqsBatchResponse>;

/**
 * Reads an SQS body: a JSON message with `job_id`, or a bare job id string. Returns the message or the reason
 * it is unusable.
 */
export function parseJobMessageBody(
  body: string,
): { ok: true; value: AnalysisJobMessage } | { ok: false; error: string } {
  const trimmed = body.trim();
  let candidate: unknown = { job_id: trimmed };
  if (trimmed.startsWith('{')) {
    try {
      candidate = JSON.parse(trimmed);
    } catch {
      return { ok: false, error: 'message body is not valid JSON' };
    }
  } else if (trimmed.startsWith('"')) {
    try {
      candidate = { job_id: JSON.parse(trimmed) };
    } catch {
      return { ok: false, error: 'message body is not valid JSON' };
    }
  }
  const parsed = AnalysisJobMessage.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: formatIssues(parsed.error, { root: 'body' }) };
}
