import { createHash } from 'node:crypto';
import { SqsEvent } from '@alex/contracts';
import type { Context, SQSEvent } from 'aws-lambda';
import { describe, it } from 'vitest';
import { LocalQueueConfigError, startEventSourceMapping } from '../src';
import { createTestQueues, EMPTY, queueCounts, useTestSqs } from './support/local-sqs';
import { runUntilEmpty } from './support/run-until-empty';

const local = useTestSqs();

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

describe.concurrent('startEventSourceMapping', () => {
  it('delivers a batch as the SQSEvent Lambda builds, with a Lambda context', async ({ expect }) => {
    const queues = await createTestQueues(local.client, 'shape', { bodies: ['first'] });
    const events: SQSEvent[] = [];
    const contexts: Context[] = [];
    const remaining: number[] = [];
    const callbacks: unknown[] = [];
    await runUntilEmpty(local.client, {
      queueUrl: queues.queueUrl,
      functionName: 'alex-planner',
      functionTimeoutSeconds: 60,
      handler: (event, context, callback) => {
        events.push(event);
        contexts.push(context);
        remaining.push(context.getRemainingTimeInMillis());
        callbacks.push(callback);
      },
    });

    expect(events).toHaveLength(1);
    expect(SqsEvent.safeParse(events[0]).success).toBe(true);
    expect(events[0]?.Records).toEqual([
      {
        messageId: queues.messageIds[0],
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
        eventSourceARN: `arn:aws:sqs:us-east-1:000000000000:${queues.queueName}`,
        awsRegion: 'us-east-1',
      },
    ]);
    expect(contexts).toMatchObject([
      {
        functionName: 'alex-planner',
        invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:alex-planner',
        awsRequestId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      },
    ]);
    expect(remaining[0]).toBeGreaterThan(0);
    expect(remaining[0]).toBeLessThanOrEqual(60_000);
    // Handlers complete by returning their response: no callback is passed.
    expect(callbacks).toEqual([undefined]);
  });

  it('deletes the records of a successful batch', async ({ expect }) => {
    const { queueUrl } = await createTestQueues(local.client, 'success', { bodies: ['a', 'b'] });
    const seen: string[] = [];
    await runUntilEmpty(local.client, {
      queueUrl,
      handler: async (event) => {
        seen.push(...event.Records.map((r) => r.body));
        return { batchItemFailures: [] };
      },
    });
    expect(seen.sort()).toEqual(['a', 'b']);
    expect(await queueCounts(local.client, queueUrl)).toEqual(EMPTY);
  });

  it('delivers duplicate sends of the same body as separate messages', async ({ expect }) => {
    const body = JSON.stringify({ job_id: '6f1c1d1e-0000-4000-8000-000000000002' });
    const { queueUrl, messageIds } = await createTestQueues(local.client, 'duplicates', {
      bodies: [body, body],
    });
    const seen: Array<{ id: string; body: string }> = [];
    await runUntilEmpty(local.client, {
      queueUrl,
      handler: (event) => {
        seen.push(...event.Records.map((r) => ({ id: r.messageId, body: r.body })));
      },
    });
    expect(new Set(messageIds).size).toBe(2);
    expect(seen.map((s) => s.id).sort()).toEqual([...messageIds].sort());
    expect(seen.map((s) => s.body)).toEqual([body, body]);
  });

  it('rejects settings Lambda would refuse, naming each', async ({ expect }) => {
    const { queueUrl } = await createTestQueues(local.client, 'config');
    const started = startEventSourceMapping({
      client: local.client,
      queueUrl,
      batchSize: 11,
      waitTimeSeconds: 21,
      handler: () => undefined,
    });
    await expect(started).rejects.toBeInstanceOf(LocalQueueConfigError);
    await expect(started).rejects.toThrow(
      'invalid event source mapping options: batchSize: Too big: expected number to be <=10; waitTimeSeconds: Too big: expected number to be <=20',
    );
  });
});
