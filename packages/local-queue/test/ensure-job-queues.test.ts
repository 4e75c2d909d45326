import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureJobQueues, LocalQueueConfigError } from '../src';
import { startTestSqs, type TestSqs } from './support/local-sqs';

let local: TestSqs;
beforeAll(async () => {
  local = await startTestSqs();
});
afterAll(() => local.close());

async function attributes(queueUrl: string) {
  const read = await local.client.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] }),
  );
  return read.Attributes ?? {};
}

const config = {
  queueName: 'alex-analysis-jobs',
  dlqName: 'alex-analysis-jobs-dlq',
  visibilityTimeoutSeconds: 910,
  maxReceiveCount: 3,
};

describe('ensureJobQueues', () => {
  it('creates the job queue with a redrive policy to its dead-letter queue', async () => {
    const queues = await ensureJobQueues(local.client, config);
    expect(queues.queueArn).toBe('arn:aws:sqs:us-east-1:000000000000:alex-analysis-jobs');
    expect(queues.dlqArn).toBe('arn:aws:sqs:us-east-1:000000000000:alex-analysis-jobs-dlq');
    const main = await attributes(queues.queueUrl);
    expect(main.VisibilityTimeout).toBe('910');
    expect(JSON.parse(main.RedrivePolicy ?? '{}')).toEqual({
      deadLetterTargetArn: queues.dlqArn,
      maxReceiveCount: 3,
    });
    expect((await attributes(queues.dlqUrl)).MessageRetentionPeriod).toBe('1209600');
  });

  it('returns the same queues when run again and converges changed settings', async () => {
    const first = await ensureJobQueues(local.client, config);
    const second = await ensureJobQueues(local.client, { ...config, visibilityTimeoutSeconds: 60 });
    expect(second).toEqual(first);
    expect((await attributes(second.queueUrl)).VisibilityTimeout).toBe('60');
  });

  it('rejects invalid settings, naming each one', async () => {
    const promise = ensureJobQueues(local.client, { ...config, queueName: 'bad name', maxReceiveCount: 0 });
    await expect(promise).rejects.toBeInstanceOf(LocalQueueConfigError);
    await expect(promise).rejects.toThrow(/queueName.*maxReceiveCount/);
  });
});
