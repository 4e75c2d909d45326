import { MAX_RECEIVES } from '@alex/agent-planner';
import type { AnalysisJobMessage } from '@alex/contracts';
import {
  ensureJobQueues,
  silentQueueLogger,
  sqsJobQueue,
  startEventSourceMapping,
  startLocalSqs,
} from '@alex/local-queue';
import type { AgentHandler, Logger } from '@alex/runtime';
import { GetQueueAttributesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

/** The local stand-in for SQS and the planner's event source mapping. */
export interface LocalStack {
  queueUrl: string;
  dlqUrl: string;
  /** Sends a job message the way the API does. */
  submit(message: AnalysisJobMessage): Promise<string>;
  /** Sends a raw body, for drills with malformed messages. */
  sendRaw(body: string): Promise<void>;
  /** Messages waiting in the dead-letter queue. */
  deadLetters(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Starts an SQS-compatible queue on 127.0.0.1 (with its dead-letter queue) and a poller that delivers
 * batches to the planner handler like Lambda's event source mapping.
 */
export async function startLocalStack(options: {
  planner: AgentHandler;
  logger: Logger;
  visibilityTimeoutSeconds?: number;
}): Promise<LocalStack> {
  const sqs = await startLocalSqs();
  const client = new SQSClient(sqs.clientConfig);
  try {
    const queues = await ensureJobQueues(client, {
      queueName: 'alex-analysis-jobs',
      dlqName: 'alex-analysis-jobs-dlq',
      visibilityTimeoutSeconds: options.visibilityTimeoutSeconds ?? 60,
      maxReceiveCount: MAX_RECEIVES,
    });
    const mapping = await startEventSourceMapping({
      client,
      queueUrl: queues.queueUrl,
      handler: (event) => options.planner(event),
      batchSize: 10,
      waitTimeSeconds: 1,
      logger: silentQueueLogger,
      onError: (error) => options.logger.error('event source mapping error', { error }),
    });
    const queue = sqsJobQueue(client, queues.queueUrl);
    return {
      queueUrl: queues.queueUrl,
      dlqUrl: queues.dlqUrl,
      submit: async (message) => (await queue.send(message)).messageId,
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
