import { z } from 'zod';
// The file sits in the Terraform module, which must hold every file its configuration reads.
import settings from '../../../terraform/agents/job-queue.json' with { type: 'json' };

/**
 * The jobs queue's settings, read from `terraform/agents/job-queue.json` by Terraform (queue.tf), the
 * planner and the local stack, so the three cannot drift.
 */
export const JobQueueSettings = z
  .object({
    /** The queue is `<prefix>-<suffix>`; the prefix is Terraform's `name_prefix` (locally `alex`). */
    queue_name_suffix: z.string().regex(/^[a-z0-9-]{1,60}$/),
    dead_letter_queue_name_suffix: z.string().regex(/^[a-z0-9-]{1,60}$/),
    /** Receives before SQS moves a message to the dead-letter queue; the planner's final attempt. */
    max_receive_count: z.number().int().min(1).max(1000),
    /** Jobs per planner invocation. */
    batch_size: z.number().int().min(1).max(10),
    /** How long a claim on a job holds without renewal. */
    job_lease_seconds: z.number().int().min(10).max(850),
  })
  .strict();
/** The jobs queue's settings (see {@link JobQueueSettings}). */
export type JobQueueSettings = z.infer<typeof JobQueueSettings>;

/** The settings every part of the project uses. */
export const JOB_QUEUE: JobQueueSettings = JobQueueSettings.parse(settings);

/** The queue's and its dead-letter queue's names under a prefix (Terraform's `name_prefix`, `alex` locally). */
export function jobQueueNames(prefix: string): { queueName: string; dlqName: string } {
  return {
    queueName: `${prefix}-${JOB_QUEUE.queue_name_suffix}`,
    dlqName: `${prefix}-${JOB_QUEUE.dead_letter_queue_name_suffix}`,
  };
}
