import type { SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { sqsJobQueue } from '../src';
import { createTestQueues, queueCounts, startTestSqs, type TestSqs } from './support/local-sqs';
import { runUntilDrained } from './support/run-until-drained';

let local: TestSqs;
beforeAll(async () => {
  local = await startTestSqs();
});
afterAll(() => local.close());

const empty = { visible: 0, inFlight: 0, delayed: 0 };
const delivery = (r: SQSRecord) => `${r.body}#${r.attributes.ApproximateReceiveCount}`;

describe.concurrent('partial batch responses (ReportBatchItemFailures)', () => {
  it('redelivers only the records the response names', async ({ expect }) => {
    const { queueUrl } = await createTestQueues(local.client, 'partial');
    const queue = sqsJobQueue(local.client, queueUrl);
    for (const body of ['ok-1', 'flaky', 'ok-2']) await queue.send(body);
    const batches: string[][] = [];
    await runUntilDrained(local.client, {
      queueUrl,
      handler: (event) => {
        batches.push(event.Records.map(delivery));
        const failed = event.Records.filter((r) => delivery(r) === 'flaky#1');
        return { batchItemFailures: failed.map((r) => ({ itemIdentifier: r.messageId })) };
      },
    });
    expect(batches[0]?.sort()).toEqual(['flaky#1', 'ok-1#1', 'ok-2#1']);
    expect(batches.flat().sort()).toEqual(['flaky#1', 'flaky#2', 'ok-1#1', 'ok-2#1']);
    expect(await queueCounts(local.client, queueUrl)).toEqual(empty);
  });

  it('retries the whole batch when the response names a record that is not in it', async ({ expect }) => {
    const { queueUrl } = await createTestQueues(local.client, 'invalid');
    const queue = sqsJobQueue(local.client, queueUrl);
    await queue.send('x');
    await queue.send('y');
    const deliveries: string[] = [];
    const stages: string[] = [];
    await runUntilDrained(local.client, {
      queueUrl,
      onError: (_error, info) => stages.push(info.stage),
      handler: (event) => {
        deliveries.push(...event.Records.map(delivery));
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
    const { queueUrl } = await createTestQueues(local.client, 'not-object');
    await sqsJobQueue(local.client, queueUrl).send('z');
    const deliveries: string[] = [];
    await runUntilDrained(local.client, {
      queueUrl,
      handler: (event) => {
        const firstTime = deliveries.length === 0;
        // Array.push returns a number: an easy slip in a handler written as an expression.
        const pushed = deliveries.push(...event.Records.map(delivery));
        return firstTime ? pushed : undefined;
      },
    });
    expect(deliveries).toEqual(['z#1', 'z#2']);
    expect(await queueCounts(local.client, queueUrl)).toEqual(empty);
  });
});
