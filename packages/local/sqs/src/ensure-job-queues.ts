import { formatIssues } from '@alex/errors';
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
});
/** The job queue and its dead-letter queue, with the settings the Terraform gives them. */
export type JobQueuesConfig = z.input<typeof JobQueuesConfig>;

/** URLs of the job queue and its dead-letter queue. */
export interface JobQueues {
  queueUrl: string;
  dlqUrl: string;
}

// The DLQ keeps a message 14 days, the SQS maximum, as the Terraform sets it.
const DLQ_RETENTION_SECONDS = '1209600';

async function createQueue(client: SQSClient, name: string, attributes: Record<string, string>) {
  // CreateQueue without attributes never conflicts with an existing queue; SetQueueAttributes then converges
  // its settings, so running this again after a config change updates the queue instead of failing.
  const created = await client.send(new CreateQueueCommand({ QueueName: name }));
  const url = created.QueueUrl;
  if (!url) throw new LocalQueueError(`CreateQueue returned no QueueUrl for ${name}`);
  await client.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: attributes }));
  return url;
}

/** Creates (or converges) the job queue and its DLQ, with a RedrivePolicy after `maxReceiveCount` receives. */
export async function ensureJobQueues(client: SQSClient, config: JobQueuesConfig): Promise<JobQueues> {
  const parsed = JobQueuesConfig.safeParse(config);
  if (!parsed.success) {
    throw new LocalQueueConfigError(`invalid job queue config: ${formatIssues(parsed.error)}`);
  }
  const settings = parsed.data;
  const dlqUrl = await createQueue(client, settings.dlqName, {
    MessageRetentionPeriod: DLQ_RETENTION_SECONDS,
  });
  const read = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] }),
  );
  const dlqArn = read.Attributes?.QueueArn;
  if (!dlqArn) throw new LocalQueueError(`GetQueueAttributes returned no QueueArn for ${settings.dlqName}`);
  const queueUrl = await createQueue(client, settings.queueName, {
    VisibilityTimeout: String(settings.visibilityTimeoutSeconds),
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: settings.maxReceiveCount }),
  });
  return { queueUrl, dlqUrl };
}
