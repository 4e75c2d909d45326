import { QueueDoesNotExist, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { JobQueueError, sqsJobQueue } from '../src';

const sqs = mockClient(SQSClient);
afterEach(() => sqs.reset());

const queueUrl = 'https://sqs.us-east-1.amazonaws.com/123456789012/alex-analysis-jobs';
const queue = () => sqsJobQueue(new SQSClient({ region: 'us-east-1' }), queueUrl);

describe('sqsJobQueue', () => {
  it('sends a string body as is and returns the message id', async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: 'm-1' });

    expect(await queue().send('job-1')).toEqual({ messageId: 'm-1' });
    expect(sqs.commandCalls(SendMessageCommand)[0]?.args[0].input).toEqual({
      QueueUrl: queueUrl,
      MessageBody: 'job-1',
    });
  });

  it('sends an object body as JSON', async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: 'm-2' });

    await queue().send({ job_id: 'j-2' });

    expect(sqs.commandCalls(SendMessageCommand)[0]?.args[0].input.MessageBody).toBe('{"job_id":"j-2"}');
  });

  it('rejects with a JobQueueError that names the SDK error and keeps it as cause', async () => {
    const sdkError = new QueueDoesNotExist({ message: 'The specified queue does not exist.', $metadata: {} });
    sqs.on(SendMessageCommand).rejects(sdkError);

    const sent = queue().send('job-3');

    await expect(sent).rejects.toBeInstanceOf(JobQueueError);
    await expect(sent).rejects.toMatchObject({
      message: 'SendMessage failed: QueueDoesNotExist: The specified queue does not exist.',
      cause: sdkError,
    });
  });

  it('rejects when SQS returns no message id', async () => {
    sqs.on(SendMessageCommand).resolves({});

    await expect(queue().send('job-4')).rejects.toThrow('SendMessage returned no MessageId');
  });
});
