import { JOB_QUEUE, jobQueueNames } from '@alex/contracts';
import {
  ensureJobQueues,
  type JobQueue,
  type QueueLogger,
  type SqsBatchHandler,
  silentQueueLogger,
  sqsJobQueue,
  startEventSourceMapping,
  startLocalSqs,
} from '@alex/local-sqs';
import { GetQueueAttributesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

/** How the local jobs queue delivers messages; the names, batch size and receive count come from JOB_QUEUE. */
export interface LocalJobQueueOptions {
  /** Receives each batch, as Lambda's event source mapping invokes the planner. */
  deliver: SqsBatchHandler;
  /** Seconds a received message stays invisible (locally far below AWS's, so drills take seconds). */
  visibilityTimeoutSeconds: number;
  /** Batches in flight at once (the planner's concurrency). */
  concurrency: number;
  /** The function the mapping plays, for its timeout checks and log lines. */
  functionName?: string;
  functionTimeoutSeconds?: number;
  /** The mapping's warnings and errors (default: silent). */
  logger?: QueueLogger;
  onError?: (error: unknown) => void;
}

/** The jobs queue and its dead-letter queue on 127.0.0.1, with a poller delivering to the planner. */
export interface LocalJobQueue {
  endpoint: string;
  queueUrl: string;
  dlqUrl: string;
  /** Sends job messages the way the API does. */
  queue: JobQueue;
  /** Sends a raw body, for drills with malformed messages. */
  sendRaw(body: string): Promise<void>;
  /** Messages waiting in the dead-letter queue. */
  deadLetters(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Starts an SQS-compatible queue on 127.0.0.1 with the project's jobs queue and DLQ (named and redriven as
 * Terraform does, from terraform/agents/job-queue.json) and an event source mapping delivering to `deliver`.
 */
export async function startLocalJobQueue(options: LocalJobQueueOptions): Promise<LocalJobQueue> {
  const sqs = await startLocalSqs();
  const client = new SQSClient(sqs.clientConfig);
  try {
    const queues = await ensureJobQueues(client, {
      ...jobQueueNames('alex'),
      visibilityTimeoutSeconds: options.visibilityTimeoutSeconds,
      maxReceiveCount: JOB_QUEUE.max_receive_count,
    });
    const mapping = await startEventSourceMapping({
      client,
      queueUrl: queues.queueUrl,
      handler: options.deliver,
      batchSize: JOB_QUEUE.batch_size,
      concurrency: options.concurrency,
      waitTimeSeconds: 1,
      logger: options.logger ?? silentQueueLogger,
      ...(options.functionName ? { functionName: options.functionName } : {}),
      ...(options.functionTimeoutSeconds ? { functionTimeoutSeconds: options.functionTimeoutSeconds } : {}),
      ...(options.onError ? { onError: options.onError } : {}),
    });
    return {
      endpoint: sqs.endpoint,
      queueUrl: queues.queueUrl,
      dlqUrl: queues.dlqUrl,
      queue: sqsJobQueue(client, queues.queueUrl),
      async sendRaw(body) {
        await client.send(new SendMessageCommand({ QueueUrl: queues.queueUrl, MessageBody: body }));
      },
      async deadLetters() {
        const { Attributes } = await client.send(
          new GetQueueAttributesCommand({
            QueueUrl: queues.dlqUrl,
            AttributeNames: ['ApproximateNumberOfMessages'],
          }),
        );
        return Number(Attributes?.ApproximateNumberOfMessages ?? 0);
      },
      async stop() {
        await mapping.stop();
        client.destroy();
        await sqs.close();
      },
    };
  } catch (error) {
    client.destroy();
    await sqs.close();
    throw error;
  }
}
