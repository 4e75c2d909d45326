import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SetQueueAttributesCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { LocalQueueConfigError, LocalQueueError } from './errors';

const QueueName = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'must be 1-80 letters, digits, - or _');

/** The job queue and its dead-letter queue, with the settings the Terraform gives them. */
export const JobQueuesConfig = z.object({
  queueName: QueueName,
  dlqName: QueueName,
  visibilityTimeoutSeconds: z.number().int().min(0).max(43_200),
  maxReceiveCount: z.number().int().min(1).max(1000),
  /** How long the DLQ keeps a message; default 14 days, the SQS maximum. */
  dlqMessageRetentionSeconds: z.number().int().min(60).max(1_209_600).default(1_209_600),
});
export type JobQueuesConfig = z.input<typeof JobQueuesConfig>;

/** URLs and ARNs of the job queue and its dead-letter queue. */
export interface JobQueues {
  queueUrl: string;
  queueArn: string;
  dlqUrl: string;
  dlqArn: string;
}

async function createQueue(client: SQSClient, name: string, attributes: Record<string, string>) {
  // CreateQueue without attributes never conflicts with an existing queue; SetQueueAttributes then converges
  // its settings, so running this again after a config change updates the queue instead of failing.
  const created = await client.send(new CreateQueueCommand({ QueueName: name }));
  const url = created.QueueUrl;
  if (!url) throw new LocalQueueError(`CreateQueue returned no QueueUrl for ${name}`);
  await client.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: attributes }));
  const read = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }),
  );
  const arn = read.Attributes?.QueueArn;
  if (!arn) throw new LocalQueueError(`GetQueueAttributes returned no QueueArn for ${name}`);
  return { url, arn };
}

/** Creates (or converges) the job queue and its DLQ, with a RedrivePolicy after `maxReceiveCount` receives. */
export async function ensureJobQueues(client: SQSClient, config: JobQueuesConfig): Promise<JobQueues> {
  const parsed = JobQueuesConfig.safeParse(config);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new LocalQueueConfigError(`invalid job queue config: ${issues}`);
  }
  const settings = parsed.data;
  const dlq = await createQueue(client, settings.dlqName, {
    MessageRetentionPeriod: String(settings.dlqMessageRetentionSeconds),
  });
  const queue = await createQueue(client, settings.queueName, {
    VisibilityTimeout: String(settings.visibilityTimeoutSeconds),
    RedrivePolicy: JSON.stringify({
      deadLetterTargetArn: dlq.arn,
      maxReceiveCount: settings.maxReceiveCount,
    }),
  });
  return { queueUrl: queue.url, queueArn: queue.arn, dlqUrl: dlq.url, dlqArn: dlq.arn };
}
