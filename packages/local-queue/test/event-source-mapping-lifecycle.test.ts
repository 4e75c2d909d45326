import { afterAll, beforeAll, describe, it } from 'vitest';
import { silentQueueLogger, sqsJobQueue, startEventSourceMapping } from '../src';
import { createTestQueues, peekMessages, queueCounts, startTestSqs, type TestSqs } from './support/local-sqs';
import { runUntilDrained } from './support/run-until-drained';
import { waitFor, within } from './support/wait-for';

let local: TestSqs;
beforeAll(async () => {
  local = await startTestSqs();
});
afterAll(() => local.close());

const empty = { visible: 0, inFlight: 0, delayed: 0 };

describe.concurrent('event source mapping lifecycle', () => {
  it('finishes the batch in flight when stopped, then polls no more', async ({ expect }) => {
    const { queueUrl } = await createTestQueues(local.client, 'stop');
    const queue = sqsJobQueue(local.client, queueUrl);
    await queue.send('in flight');
    const order: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const mapping = await startEventSourceMapping({
      client: local.client,
      queueUrl,
      logger: silentQueueLogger,
      handler: async () => {
        order.push('handler started');
        await gate;
        order.push('handler finished');
      },
    });
    await waitFor(() => order.includes('handler started'));
    const stopped = mapping.stop().then(() => order.push('stopped'));
    release();
    await stopped;
    expect(order).toEqual(['handler started', 'handler finished', 'stopped']);
    expect(await queueCounts(local.client, queueUrl)).toEqual(empty);
    await expect(mapping.drained()).rejects.toThrow(/stopped/);
    const after = await queue.send('after stop');
    const [untouched] = await peekMessages(local.client, queueUrl);
    expect(untouched?.MessageId).toBe(after.messageId);
    expect(untouched?.Attributes?.ApproximateReceiveCount).toBe('1');
  });

  it('runs as many batches at once as its concurrency', async ({ expect }) => {
    const { queueUrl } = await createTestQueues(local.client, 'concurrency', 30);
    const queue = sqsJobQueue(local.client, queueUrl);
    for (const body of ['a', 'b', 'c']) await queue.send(body);
    let active = 0;
    let allActive: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      allActive = resolve;
    });
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
        if (active === 3) allActive();
        // Each batch waits for the other two: with fewer than 3 pollers this never opens.
        await gate;
      },
    });
    try {
      await within(gate, 10_000, 'three batches running at once');
      await within(mapping.drained(), 10_000, 'the queue draining');
    } finally {
      await mapping.stop();
    }
    expect(batches.sort()).toEqual([['a'], ['b'], ['c']]);
  });

  it('waits for the callback of a callback-style handler, as the Node.js runtime does', async ({
    expect,
  }) => {
    const { queueUrl } = await createTestQueues(local.client, 'callback');
    await sqsJobQueue(local.client, queueUrl).send('cb');
    const deliveries: string[] = [];
    await runUntilDrained(local.client, {
      queueUrl,
      handler: (event, _context, callback) => {
        const count = event.Records[0]?.attributes.ApproximateReceiveCount ?? '?';
        deliveries.push(count);
        setImmediate(() => (count === '1' ? callback(new Error('first try fails')) : callback(null)));
      },
    });
    expect(deliveries).toEqual(['1', '2']);
  });
});
