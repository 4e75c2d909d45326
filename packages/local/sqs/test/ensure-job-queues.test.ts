import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { ensureJobQueues, LocalQueueConfigError } from '../src';
import { useTestSqs } from './support/local-sqs';

const local = useTestSqs();

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
    const main = await attributes(queues.queueUrl);
    expect(main.QueueArn).toBe('arn:aws:sqs:us-east-1:000000000000:alex-analysis-jobs');
    expect(main.VisibilityTimeout).toBe('910');
    expect(JSON.parse(main.RedrivePolicy ?? '{}')).toEqual({
      deadLetterTargetArn: 'arn:aws:sqs:us-east-1:000000000000:alex-analysis-jobs-dlq',
      maxReceiveCount: 3,
    });
    const dlq = await attributes(queues.dlqUrl);
    expect(dlq.QueueArn).toBe('arn:aws:sqs:us-east-1:000000000000:alex-analysis-jobs-dlq');
    expect(dlq.MessageRetentionPeriod).toBe('1209600');
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
