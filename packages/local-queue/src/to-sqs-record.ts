import type { Message, MessageAttributeValue } from '@aws-sdk/client-sqs';
import type { SQSMessageAttributes, SQSRecord } from 'aws-lambda';
import { LocalQueueError } from './errors';

/** Where records come from: the queue's ARN and region, as Lambda writes them into each record. */
export interface RecordSource {
  queueArn: string;
  region: string;
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

function toLambdaAttributes(
  attributes: Record<string, MessageAttributeValue> | undefined,
): SQSMessageAttributes {
  const result: SQSMessageAttributes = {};
  for (const [name, value] of Object.entries(attributes ?? {})) {
    // Lambda spells these in camelCase, base64-encodes binary values and always sends the (unused) lists.
    result[name] = {
      ...(value.StringValue !== undefined ? { stringValue: value.StringValue } : {}),
      ...(value.BinaryValue !== undefined ? { binaryValue: toBase64(value.BinaryValue) } : {}),
      stringListValues: value.StringListValues ?? [],
      binaryListValues: (value.BinaryListValues ?? []).map(toBase64),
      dataType: value.DataType ?? 'String',
    };
  }
  return result;
}

/**
 * Turns a message from `ReceiveMessage` (with all system and message attributes requested) into the record
 * the Lambda SQS event source mapping delivers.
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
    messageAttributes: toLambdaAttributes(message.MessageAttributes),
    md5OfBody: message.MD5OfBody ?? '',
    ...(message.MD5OfMessageAttributes ? { md5OfMessageAttributes: message.MD5OfMessageAttributes } : {}),
    eventSource: 'aws:sqs',
    eventSourceARN: source.queueArn,
    awsRegion: source.region,
  };
}
