import { createHash } from 'node:crypto';
import { SqsEvent } from '@alex/contracts';
import { SendMessageBatchCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSHandler } from 'aws-lambda';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { sqsJobQueue, startEventSourceMapping } from '../src';
import { createTestQueues, queueCounts, startTestSqs, type TestSqs } from './support/local-sqs';
import { runUntilDrained } from './support/run-until-drained';

let local: TestSqs;
beforeAll(async () => {
  local = await startTestSqs();
});
afterAll(() => local.close());

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const empty = { visible: 0, inFlight: 0, delayed: 0 };

describe.concurrent('startEventSourceMapping', () => {
  it('delivers a batch as the SQSEvent Lambda builds, with a Lambda context', async ({ expect }) => {
    const { queueUrl, queueName } = await createTestQueues(local.client, 'shape');
    const plain = await local.client.send(
      new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'first' }),
    );
    const tagged = await local.client.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: 'second',
        MessageAttributes: {
          kind: { DataType: 'String', StringValue: 'analysis' },
          blob: { DataType: 'Binary', BinaryValue: Buffer.from('hi') },
        },
      }),
    );
    const events: SQSEvent[] = [];
    const contexts: Array<{ functionName: string; arn: string; requestId: string; remainingMs: number }> = [];
    await runUntilDrained(local.client, {
      queueUrl,
      functionName: 'alex-planner',
      functionTimeoutSeconds: 60,
      handler: (event, context) => {
        events.push(event);
        contexts.push({
          functionName: context.functionName,
          arn: context.invokedFunctionArn,
          requestId: context.awsRequestId,
          remainingMs: context.getRemainingTimeInMillis(),
        });
      },
    });

    expect(events).toHaveLength(1);
    expect(SqsEvent.safeParse(events[0]).success).toBe(true);
    const records = events[0]?.Records ?? [];
    expect(records.find((r) => r.messageId === plain.MessageId)).toEqual({
      messageId: plain.MessageId,
      receiptHandle: expect.stringMatching(/.+/),
      body: 'first',
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: expect.stringMatching(/^\d{13}$/),
        SenderId: '000000000000',
        ApproximateFirstReceiveTimestamp: expect.stringMatching(/^\d{13}$/),
      },
      messageAttributes: {},
      md5OfBody: md5('first'),
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:aws:sqs:us-east-1:000000000000:${queueName}`,
      awsRegion: 'us-east-1',
    });
    const second = records.find((r) => r.messageId === tagged.MessageId);
    expect(second?.messageAttributes).toEqual({
      kind: { stringValue: 'analysis', stringListValues: [], binaryListValues: [], dataType: 'String' },
      blob: { binaryValue: 'aGk=', stringListValues: [], binaryListValues: [], dataType: 'Binary' },
    });
    expect(second?.md5OfMessageAttributes).toBe(tagged.MD5OfMessageAttributes);
    expect(contexts).toEqual([
      {
        functionName: 'alex-planner',
        arn: 'arn:aws:lambda:us-east-1:000000000000:function:alex-planner',
        requestId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
        remainingMs: expect.any(Number),
      },
    ]);
    expect(contexts[0]?.remainingMs).toBeGreaterThan(0);
    expect(contexts[0]?.remainingMs).toBeLessThanOrEqual(60_000);
  });

  it('deletes the records of a successful batch', async ({ expect }) => {
    const { queueUrl } = await createTestQueues(local.client, 'success');
    const queue = sqsJobQueue(local.client, queueUrl);
    await queue.send('a');
    await queue.send('b');
    const seen: string[] = [];
    // Typed as a real Lambda handler, so the planner's handler can be passed as it is.
    const handler: SQSHandler = async (event) => {
      seen.push(...event.Records.map((r) => r.body));
      return { batchItemFailures: [] };
    };
    await runUntilDrained(local.client, { queueUrl, handler });
    expect(seen.sort()).toEqual(['a', 'b']);
    expect(await queueCounts(local.client, queueUrl)).toEqual(empty);
  });

  it('delivers duplicate sends of the same body as separate messages', async ({ expect }) => {
    const { queueUrl } = await createTestQueues(local.client, 'duplicates');
    const queue = sqsJobQueue(local.client, queueUrl);
    const body = { job_id: '6f1c1d1e-0000-4000-8000-000000000002' };
    const sent = [(await queue.send(body)).messageId, (await queue.send(body)).messageId];
    const seen: Array<{ id: string; body: string }> = [];
    await runUntilDrained(local.client, {
      queueUrl,
      handler: (event) => {
        seen.push(...event.Records.map((r) => ({ id: r.messageId, body: r.body })));
      },
    });
    expect(new Set(sent).size).toBe(2);
    expect(seen.map((s) => s.id).sort()).toEqual([...sent].sort());
    expect(seen.map((s) => s.body)).toEqual([JSON.stringify(body), JSON.stringify(body)]);
  });

  it('gathers more than 10 records into one batch within the batching window', async ({ expect }) => {
    // Longer than the window: otherwise records received early reappear and join the same batch again.
    const { queueUrl } = await createTestQueues(local.client, 'window', 30);
    const entries = Array.from({ length: 15 }, (_, i) => ({ Id: `m${i}`, MessageBody: `n${i}` }));
    for (const chunk of [entries.slice(0, 10), entries.slice(10)]) {
      await local.client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: chunk }));
    }
    const sizes: number[] = [];
    await runUntilDrained(local.client, {
      queueUrl,
      batchSize: 100,
      maximumBatchingWindowMs: 1000,
      handler: (event) => {
        sizes.push(event.Records.length);
      },
    });
    expect(sizes).toEqual([15]);
  });

  it('rejects a batchSize above 10 without a batching window, as Lambda does', async ({ expect }) => {
    const { queueUrl } = await createTestQueues(local.client, 'config');
    await expect(
      startEventSourceMapping({ client: local.client, queueUrl, batchSize: 11, handler: () => undefined }),
    ).rejects.toThrow(/maximumBatchingWindowMs/);
  });
});
