import { setTimeout as delay } from 'node:timers/promises';
import { type Message, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** How one batch is gathered from the queue. */
export interface ReceiveBatchOptions {
  client: SQSClient;
  queueUrl: string;
  batchSize: number;
  maximumBatchingWindowMs: number;
  waitTimeSeconds: number;
  visibilityTimeoutSeconds?: number | undefined;
  signal: AbortSignal;
}

// A short poll inside the batching window that finds nothing waits this long before polling again.
const SHORT_POLL_PAUSE_MS = 100;

async function receiveOnce(options: ReceiveBatchOptions, max: number, waitTimeSeconds: number) {
  const received = await options.client.send(
    new ReceiveMessageCommand({
      QueueUrl: options.queueUrl,
      MaxNumberOfMessages: max,
      WaitTimeSeconds: waitTimeSeconds,
      MessageSystemAttributeNames: ['All'],
      MessageAttributeNames: ['All'],
      ...(options.visibilityTimeoutSeconds !== undefined
        ? { VisibilityTimeout: options.visibilityTimeoutSeconds }
        : {}),
    }),
    { abortSignal: options.signal },
  );
  return received.Messages ?? [];
}

/**
 * Gathers one batch like the Lambda poller: a long poll, then, when a batching window is set, more receives
 * until the batch is full or the window (counted from the first message) is over. When the signal aborts,
 * it returns the messages it already holds, or rethrows if it holds none.
 */
export async function receiveBatch(options: ReceiveBatchOptions): Promise<Message[]> {
  const messages: Message[] = [];
  let windowEnd: number | undefined;
  while (messages.length < options.batchSize) {
    const remainingMs = windowEnd === undefined ? undefined : windowEnd - Date.now();
    if (options.signal.aborted || (remainingMs !== undefined && remainingMs <= 0)) break;
    const waitTimeSeconds =
      remainingMs === undefined ? options.waitTimeSeconds : Math.min(20, Math.floor(remainingMs / 1000));
    let received: Message[];
    try {
      received = await receiveOnce(
        options,
        Math.min(10, options.batchSize - messages.length),
        waitTimeSeconds,
      );
    } catch (error) {
      if (options.signal.aborted && messages.length > 0) break;
      throw error;
    }
    messages.push(...received);
    if (windowEnd === undefined) {
      if (received.length === 0 || options.maximumBatchingWindowMs === 0) break;
      windowEnd = Date.now() + options.maximumBatchingWindowMs;
    } else if (received.length === 0 && waitTimeSeconds === 0) {
      const pauseMs = Math.min(SHORT_POLL_PAUSE_MS, Math.max(0, windowEnd - Date.now()));
      await delay(pauseMs, undefined, { signal: options.signal }).catch(() => {});
    }
  }
  return messages;
}
