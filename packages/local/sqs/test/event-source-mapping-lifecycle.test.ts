import { CreateQueueCommand, DeleteQueueCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { describe, it } from 'vitest';
import { silentQueueLogger, startEventSourceMapping } from '../src';
import { createTestQueues, EMPTY, peekMessages, queueCounts, useTestSqs } from './support/local-sqs';
import { waitFor, within } from './support/wait-for';

const local = useTestSqs();

/** A promise and the function that resolves it, for handlers a test holds open. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe.concurrent('event source mapping lifecycle', () => {
  it('finishes the batch in flight when stopped, then polls no more', async ({ expect }) => {
    const { queueUrl } = await createTestQueues(local.client, 'stop', { bodies: ['in flight'] });
    const order: string[] = [];
    const release = gate();
    const mapping = await startEventSourceMapping({
      client: local.client,
      queueUrl,
      logger: silentQueueLogger,
      handler: async () => {
        order.push('handler started');
        await release.opened;
        order.push('handler finished');
      },
    });
    await waitFor(() => order.includes('handler started'));
    const stopped = mapping.stop().then(() => order.push('stopped'));
    release.open();
    await stopped;
    expect(order).toEqual(['handler started', 'handler finished', 'stopped']);
    expect(await queueCounts(local.client, queueUrl)).toEqual(EMPTY);
    const after = await local.client.send(
      new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'after' }),
    );
    const [untouched] = await peekMessages(local.client, queueUrl);
    expect(untouched?.MessageId).toBe(after.MessageId);
    expect(untouched?.Attributes?.ApproximateReceiveCount).toBe('1');
  });

  it('runs as many batches at once as its concurrency', async ({ expect }) => {
    const bodies = ['a', 'b', 'c'];
    const { queueUrl } = await createTestQueues(local.client, 'concurrency', {
      bodies,
      visibilityTimeoutSeconds: 30,
    });
    let active = 0;
    const allActive = gate();
    const batches: string[][] = [];
    const mapping = await startEventSourceMapping({
      client: local.client,
      queueUrl,
      batchSize: 1,
      concurrency: 3,
      logger: silentQueueLogger,
      handler: async (event) => {
        batches.push(event.Records.map((r) => r.body));
        active += 1;
        if (active === 3) allActive.open();
        // Each batch waits for the other two: with fewer than 3 pollers this never opens.
        await allActive.opened;
      },
    });
    try {
      await within(allActive.opened, 10_000, 'three batches running at once');
      await waitFor(async () => (await queueCounts(local.client, queueUrl)).inFlight === 0);
    } finally {
      await mapping.stop();
    }
    expect(batches.sort()).toEqual([['a'], ['b'], ['c']]);
  });

  it('reports failed deletes and receives through onError, and polls on once the queue is back', async ({
    expect,
  }) => {
    const { queueUrl, queueName } = await createTestQueues(local.client, 'gone', { bodies: ['first'] });
    const stages: string[] = [];
    const logged = new Set<string>();
    const bodies: string[] = [];
    const mapping = await startEventSourceMapping({
      client: local.client,
      queueUrl,
      logger: { ...silentQueueLogger, error: (message) => logged.add(message) },
      onError: (_error, info) => stages.push(info.stage),
      handler: async (event) => {
        bodies.push(...event.Records.map((r) => r.body));
        // The queue disappears under the batch: its delete, and the receives after it, fail.
        if (bodies.length === 1) await local.client.send(new DeleteQueueCommand({ QueueUrl: queueUrl }));
      },
    });
    try {
      await waitFor(() => stages.includes('receive'));
      await local.client.send(new CreateQueueCommand({ QueueName: queueName }));
      await local.client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'second' }));
      await waitFor(() => bodies.length === 2);
    } finally {
      await mapping.stop();
    }
    expect(stages[0]).toBe('delete');
    expect(new Set(stages)).toEqual(new Set(['delete', 'receive']));
    expect(logged).toEqual(
      new Set(['SQS event source mapping delete error', 'SQS event source mapping receive error']),
    );
    expect(bodies).toEqual(['first', 'second']);
  });
});
