import { describe, it } from 'vitest';
import { createTestQueues, deliveryOf, EMPTY, queueCounts, useTestSqs } from './support/local-sqs';
import { runUntilEmpty } from './support/run-until-empty';

const local = useTestSqs();

describe.concurrent('partial batch responses (ReportBatchItemFailures)', () => {
  it('redelivers only the records the response names', async ({ expect }) => {
    const bodies = ['ok-1', 'flaky', 'ok-2'];
    const { queueUrl } = await createTestQueues(local.client, 'partial', { bodies });
    const batches: string[][] = [];
    await runUntilEmpty(local.client, {
      queueUrl,
      handler: (event) => {
        batches.push(event.Records.map(deliveryOf));
        const failed = event.Records.filter((r) => deliveryOf(r) === 'flaky#1');
        return { batchItemFailures: failed.map((r) => ({ itemIdentifier: r.messageId })) };
      },
    });
    expect(batches[0]?.sort()).toEqual(['flaky#1', 'ok-1#1', 'ok-2#1']);
    expect(batches.flat().sort()).toEqual(['flaky#1', 'flaky#2', 'ok-1#1', 'ok-2#1']);
    expect(await queueCounts(local.client, queueUrl)).toEqual(EMPTY);
  });

  it('retries the whole batch when the response names a record that is not in it', async ({ expect }) => {
    const { queueUrl } = await createTestQueues(local.client, 'invalid', { bodies: ['x', 'y'] });
    const deliveries: string[] = [];
    const stages: string[] = [];
    await runUntilEmpty(local.client, {
      queueUrl,
      onError: (_error, info) => stages.push(info.stage),
      handler: (event) => {
        deliveries.push(...event.Records.map(deliveryOf));
        const firstTime = event.Records.some((r) => r.attributes.ApproximateReceiveCount === '1');
        return firstTime ? { batchItemFailures: [{ itemIdentifier: 'not-in-this-batch' }] } : undefined;
      },
    });
    expect(deliveries.sort()).toEqual(['x#1', 'x#2', 'y#1', 'y#2']);
    expect(stages).toEqual(['response']);
  });

  it('retries the whole batch when the handler returns something that is not a response object', async ({
    expect,
  }) => {
    const { queueUrl } = await createTestQueues(local.client, 'not-object', { bodies: ['z'] });
    const deliveries: string[] = [];
    await runUntilEmpty(local.client, {
      queueUrl,
      handler: (event) => {
        const firstTime = deliveries.length === 0;
        // Array.push returns a number: an easy slip in a handler written as an expression.
        const pushed = deliveries.push(...event.Records.map(deliveryOf));
        return firstTime ? pushed : undefined;
      },
    });
    expect(deliveries).toEqual(['z#1', 'z#2']);
    expect(await queueCounts(local.client, queueUrl)).toEqual(EMPTY);
  });
});
