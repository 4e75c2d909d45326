import type { SQSClient } from '@aws-sdk/client-sqs';
import { type EventSourceMappingOptions, silentQueueLogger, startEventSourceMapping } from '../../src';
import { EMPTY, queueCounts } from './local-sqs';
import { waitFor } from './wait-for';

/** Runs a mapping (silent logger unless given) until its queue holds no message at all, then stops it. */
export async function runUntilEmpty(
  client: SQSClient,
  options: Omit<EventSourceMappingOptions, 'client'>,
): Promise<void> {
  const mapping = await startEventSourceMapping({ client, logger: silentQueueLogger, ...options });
  try {
    const isEmpty = async () => {
      const counts = await queueCounts(client, options.queueUrl);
      return JSON.stringify(counts) === JSON.stringify(EMPTY);
    };
    await waitFor(isEmpty, { timeoutMs: 15_000 });
  } finally {
    await mapping.stop();
  }
}
