import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { LocalQueueError } from './errors';

/** The producer side of the analysis job queue: send one message body. */
export interface JobQueue {
  /** Sends a string as is, or an object as JSON; resolves with the id SQS assigned. */
  send(body: string | object): Promise<{ messageId: string }>;
}

/** A {@link JobQueue} over `SendMessage` of `@aws-sdk/client-sqs`, the same in AWS and against fauxqs. */
export function sqsJobQueue(client: SQSClient, queueUrl: string): JobQueue {
  return {
    async send(body) {
      const messageBody = typeof body === 'string' ? body : JSON.stringify(body);
      const sent = await client.send(
        new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: messageBody }),
      );
      if (!sent.MessageId) throw new LocalQueueError('SendMessage returned no MessageId');
      return { messageId: sent.MessageId };
    },
  };
}
