import type { SQSClient } from '@aws-sdk/client-sqs';
import { type EventSourceMappingOptions, silentQueueLogger, startEventSourceMapping } from '../../src';
import { within } from './wait-for';

/** Runs a mapping (silent logger unless given) until its queue drains, then stops it. */
export async function runUntilDrained(
  client: SQSClient,
  options: Omit<EventSourceMappingOptions, 'client'>,
): Promise<void> {
  const mapping = await startEventSourceMapping({ client, logger: silentQueueLogger, ...options });
  try {
    await within(mapping.drained(), 15_000, 'the queue draining');
  } finally {
    await mapping.stop();
  }
}
