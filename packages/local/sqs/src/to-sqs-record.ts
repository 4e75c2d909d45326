import type { Message } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import { LocalQueueError } from './errors';

/** Where records come from: the queue's ARN and region, as Lambda writes them into each record. */
export interface RecordSource {
  queueArn: string;
  region: string;
}

/**
 * Turns a message from `ReceiveMessage` (with all system attributes requested) into the record the Lambda
 * SQS event source mapping delivers. Message attributes are not carried: nothing in the project sends any.
 */
export function toSqsRecord(message: Message, source: RecordSource): SQSRecord {
  if (!message.MessageId || !message.ReceiptHandle) {
    throw new LocalQueueError('ReceiveMessage returned a message without MessageId or ReceiptHandle');
  }
  const {
    ApproximateReceiveCount = '1',
    SentTimestamp = '0',
    SenderId = '',
    ApproximateFirstReceiveTimestamp = '0',
    ...otherAttributes
  } = message.Attributes ?? {};
  return {
    messageId: message.MessageId,
    receiptHandle: message.ReceiptHandle,
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount,
      SentTimestamp,
      SenderId,
      ApproximateFirstReceiveTimestamp,
      ...otherAttributes,
    },
    messageAttributes: {},
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: source.queueArn,
    awsRegion: source.region,
  };
}
