import { afterAll, beforeAll, describe, it } from 'vitest';
import { silentQueueLogger, sqsJobQueue, startEventSourceMapping } from '../src';
import { createTestQueues, peekMessages, queueCounts, startTestSqs, type TestSqs } from './support/local-sqs';
import { within } from './support/wait-for';

let local: TestSqs;
beforeAll(async () => {
  local = await startTestSqs();
});
afterAll(() => local.close());

const empty = { visible: 0, inFlight: 0, delayed: 0 };

describe.concurrent('event source mapping retries and the dead-letter queue', () => {
  it('moves a message that keeps failing to the DLQ after exactly 3 receives', async ({ expect }) => {
    const { queueUrl, dlqUrl } = await createTestQueues(local.client, 'poison');
    const queue = sqsJobQueue(local.client, queueUrl);
    const poison = await queue.send('poison');
    await queue.send('fine');
    const deliveries: string[] = [];
    const mapping = await startEventSourceMapping({
      client: local.client,
      queueUrl,
      logger: silentQueueLogger,
      handler: (event) => {
        deliveries.push(...event.Records.map((r) => `${r.body}#${r.attributes.ApproximateReceiveCount}`));
        const failed = event.Records.filter((r) => r.body === 'poison');
        return { batchItemFailures: failed.map((r) => ({ itemIdentifier: r.messageId })) };
      },
    });
    await within(mapping.drained(), 15_000, 'the poison message leaving the queue');
    await mapping.stop();

    expect(deliveries.sort()).toEqual(['fine#1', 'poison#1', 'poison#2', 'poison#3']);
    expect(await queueCounts(local.client, queueUrl)).toEqual(empty);
    const deadLetters = await peekMessages(local.client, dlqUrl);
    expect(deadLetters.map((m) => [m.MessageId, m.Body])).toEqual([[poison.messageId, 'poison']]);
  });

  it('retries every record of a batch whose handler throws', async ({ expect }) => {
    const { queueUrl, dlqUrl } = await createTestQueues(local.client, 'throws');
    const queue = sqsJobQueue(local.client, queueUrl);
    await queue.send('x');
    await queue.send('y');
    const deliveries: string[] = [];
    const errors: Array<{ stage: string; messageIds: string[] }> = [];
    let invocations = 0;
    const mapping = await startEventSourceMapping({
      client: local.client,
      queueUrl,
      logger: silentQueueLogger,
      onError: (_error, info) => errors.push(info),
      handler: async (event) => {
        invocations += 1;
        deliveries.push(...event.Records.map((r) => `${r.body}#${r.attributes.ApproximateReceiveCount}`));
        if (invocations === 1) throw new Error('model unavailable');
        return { batchItemFailures: [] };
      },
    });
    await within(mapping.drained(), 15_000, 'the retried batch succeeding');
    await mapping.stop();

    expect(deliveries.sort()).toEqual(['x#1', 'x#2', 'y#1', 'y#2']);
    expect(errors.map((e) => [e.stage, e.messageIds.length])).toEqual([['handler', 2]]);
    expect(await queueCounts(local.client, queueUrl)).toEqual(empty);
    expect(await queueCounts(local.client, dlqUrl)).toEqual(empty);
  });
});
