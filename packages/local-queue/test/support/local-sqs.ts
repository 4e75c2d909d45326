import { randomUUID } from 'node:crypto';
import {
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { ensureJobQueues, type JobQueues, type LocalSqs, startLocalSqs } from '../../src';

/** A local SQS server with a real client pointed at it. */
export interface TestSqs {
  sqs: LocalSqs;
  client: SQSClient;
  close(): Promise<void>;
}

/** Starts an in-memory fauxqs on 127.0.0.1 and a real `SQSClient` with dummy credentials. */
export async function startTestSqs(): Promise<TestSqs> {
  const sqs = await startLocalSqs();
  const client = new SQSClient(sqs.clientConfig);
  return {
    sqs,
    client,
    close: async () => {
      client.destroy();
      await sqs.close();
    },
  };
}

/** Fresh job queues with unique names, a 1 s visibility timeout (unless given) and a DLQ after 3 receives. */
export async function createTestQueues(
  client: SQSClient,
  prefix: string,
  visibilityTimeoutSeconds = 1,
): Promise<JobQueues & { queueName: string }> {
  const queueName = `${prefix}-${randomUUID().slice(0, 8)}`;
  const queues = await ensureJobQueues(client, {
    queueName,
    dlqName: `${queueName}-dlq`,
    visibilityTimeoutSeconds,
    maxReceiveCount: 3,
  });
  return { ...queues, queueName };
}

/** Visible, in-flight and delayed message counts of a queue. */
export async function queueCounts(client: SQSClient, queueUrl: string) {
  const read = await client.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: [
        'ApproximateNumberOfMessages',
        'ApproximateNumberOfMessagesNotVisible',
        'ApproximateNumberOfMessagesDelayed',
      ],
    }),
  );
  const count = (name: string) => Number(read.Attributes?.[name as keyof typeof read.Attributes] ?? NaN);
  return {
    visible: count('ApproximateNumberOfMessages'),
    inFlight: count('ApproximateNumberOfMessagesNotVisible'),
    delayed: count('ApproximateNumberOfMessagesDelayed'),
  };
}

/** Receives (without deleting) whatever is visible in a queue right now, with all attributes. */
export async function peekMessages(client: SQSClient, queueUrl: string): Promise<Message[]> {
  const received = await client.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: 0,
      MessageSystemAttributeNames: ['All'],
      MessageAttributeNames: ['All'],
    }),
  );
  return received.Messages ?? [];
}
