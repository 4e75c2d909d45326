import { randomUUID } from 'node:crypto';
import { useForFile } from '@alex/testing';
import {
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import { ensureJobQueues, type JobQueues, type LocalSqs, startLocalSqs } from '../../src';

/** A local SQS server with a real client pointed at it. */
export interface TestSqs {
  sqs: LocalSqs;
  client: SQSClient;
  close(): Promise<void>;
}

/** Starts an in-memory fauxqs on 127.0.0.1 and a real `SQSClient` with dummy credentials. */
async function startTestSqs(): Promise<TestSqs> {
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

/** One server for the whole test file: started before its tests, closed after them. */
export function useTestSqs(): TestSqs {
  return useForFile(startTestSqs);
}

/** The counts of a queue that holds no message at all. */
export const EMPTY = { visible: 0, inFlight: 0, delayed: 0 };

/** `body#ApproximateReceiveCount`: which message a delivery was, and which delivery of it. */
export const deliveryOf = (record: SQSRecord) =>
  `${record.body}#${record.attributes.ApproximateReceiveCount}`;

/**
 * Fresh job queues with unique names, a 1 s visibility timeout (unless given) and a DLQ after 3 receives,
 * holding `bodies`; resolves with the queues and the ids of the messages sent.
 */
export async function createTestQueues(
  client: SQSClient,
  prefix: string,
  options: { bodies?: string[]; visibilityTimeoutSeconds?: number } = {},
): Promise<JobQueues & { queueName: string; messageIds: string[] }> {
  const queueName = `${prefix}-${randomUUID().slice(0, 8)}`;
  const queues = await ensureJobQueues(client, {
    queueName,
    dlqName: `${queueName}-dlq`,
    visibilityTimeoutSeconds: options.visibilityTimeoutSeconds ?? 1,
    maxReceiveCount: 3,
  });
  const messageIds: string[] = [];
  for (const body of options.bodies ?? []) {
    const sent = await client.send(new SendMessageCommand({ QueueUrl: queues.queueUrl, MessageBody: body }));
    messageIds.push(sent.MessageId ?? '');
  }
  return { ...queues, queueName, messageIds };
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
    }),
  );
  return received.Messages ?? [];
}
