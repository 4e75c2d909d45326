import { describeError } from '@alex/errors';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { JobQueueError } from './errors';

/** The producer side of the analysis job queue: send one message body. */
export interface JobQueue {
  /** Sends a string as is, or an object as JSON; resolves with the id SQS assigned, rejects with a `JobQueueError`. */
  send(body: string | object): Promise<{ messageId: string }>;
}

/**
 * A {@link JobQueue} over `SendMessage` of `@aws-sdk/client-sqs`, the same against SQS and a local
 * SQS-compatible server; SDK errors are rethrown as a `JobQueueError` that keeps the SDK error as cause.
 */
export function sqsJobQueue(client: SQSClient, queueUrl: string): JobQueue {
  return {
    async send(body) {
      const messageBody = typeof body === 'string' ? body : JSON.stringify(body);
      let messageId: string | undefined;
      try {
        const sent = await client.send(
          new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: messageBody }),
        );
        messageId = sent.MessageId;
      } catch (error) {
        throw new JobQueueError(`SendMessage failed: ${describeError(error)}`, { cause: error });
      }
      if (!messageId) throw new JobQueueError('SendMessage returned no MessageId');
      return { messageId };
    },
  };
}
