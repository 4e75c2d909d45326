import { describe, it } from 'vitest';
import {
  createTestQueues,
  deliveryOf,
  EMPTY,
  peekMessages,
  queueCounts,
  useTestSqs,
} from './support/local-sqs';
import { runUntilEmpty } from './support/run-until-empty';

const local = useTestSqs();

describe.concurrent('event source mapping retries and the dead-letter queue', () => {
  it('moves a message that keeps failing to the DLQ after exactly 3 receives', async ({ expect }) => {
    const queues = await createTestQueues(local.client, 'poison', { bodies: ['poison', 'fine'] });
    const deliveries: string[] = [];
    await runUntilEmpty(local.client, {
      queueUrl: queues.queueUrl,
      handler: (event) => {
        deliveries.push(...event.Records.map(deliveryOf));
        const failed = event.Records.filter((r) => r.body === 'poison');
        return { batchItemFailures: failed.map((r) => ({ itemIdentifier: r.messageId })) };
      },
    });
    expect(deliveries.sort()).toEqual(['fine#1', 'poison#1', 'poison#2', 'poison#3']);
    const deadLetters = await peekMessages(local.client, queues.dlqUrl);
    expect(deadLetters.map((m) => [m.MessageId, m.Body])).toEqual([[queues.messageIds[0], 'poison']]);
    // fauxqs counts the receive that moved it, and this read: maxReceiveCount + 2 (a known gap).
    expect(deadLetters[0]?.Attributes?.ApproximateReceiveCount).toBe('5');
  });

  it('retries every record of a batch whose handler throws', async ({ expect }) => {
    const { queueUrl, dlqUrl } = await createTestQueues(local.client, 'throws', { bodies: ['x', 'y'] });
    const deliveries: string[] = [];
    const errors: Array<{ stage: string; messageIds: string[] }> = [];
    const logged: string[] = [];
    let invocations = 0;
    await runUntilEmpty(local.client, {
      queueUrl,
      onError: (_error, info) => errors.push(info),
      logger: {
        info: (message, attributes) => logged.push(`info ${message} ${attributes?.outcome}`),
        warn: (message, attributes) => logged.push(`warn ${message} ${attributes?.error}`),
        error: (message) => logged.push(`error ${message}`),
      },
      handler: async (event) => {
        invocations += 1;
        deliveries.push(...event.Records.map(deliveryOf));
        if (invocations === 1) throw new Error('model unavailable');
        return { batchItemFailures: [] };
      },
    });
    expect(deliveries.sort()).toEqual(['x#1', 'x#2', 'y#1', 'y#2']);
    expect(errors.map((e) => [e.stage, e.messageIds.length])).toEqual([['handler', 2]]);
    expect(logged).toEqual([
      'warn SQS batch failed model unavailable',
      'info processed SQS batch failure',
      'info processed SQS batch success',
    ]);
    expect(await queueCounts(local.client, dlqUrl)).toEqual(EMPTY);
  });

  it('fails the whole batch when the handler outlives the function timeout', async ({ expect }) => {
    const { queueUrl } = await createTestQueues(local.client, 'timeout', { bodies: ['slow'] });
    const deliveries: string[] = [];
    const errors: string[] = [];
    await runUntilEmpty(local.client, {
      queueUrl,
      functionTimeoutSeconds: 1,
      onError: (error, info) => errors.push(`${info.stage}: ${(error as Error).message}`),
      handler: async (event) => {
        deliveries.push(...event.Records.map(deliveryOf));
        if (deliveries.length === 1) await new Promise((resolve) => setTimeout(resolve, 1100));
      },
    });
    expect(deliveries).toEqual(['slow#1', 'slow#2']);
    expect(errors).toEqual(['handler: Task timed out after 1 seconds']);
  });
});
