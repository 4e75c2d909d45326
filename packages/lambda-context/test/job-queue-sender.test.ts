import { AnalysisJobMessage } from '@alex/contracts';
import { QueueDoesNotExist, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { jobQueueSender } from '../src';

const sqs = mockClient(SQSClient);

afterEach(() => {
  sqs.reset();
});

const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/alex-analysis-jobs';

const message: AnalysisJobMessage = {
  job_id: '0b7e3f1c-5a2d-4c8e-9f10-2a3b4c5d6e7f',
  clerk_user_id: 'test_user_001',
  analysis_type: 'portfolio',
  options: { include_retirement: true },
};

describe('jobQueueSender', () => {
  it('sends the job message as its JSON body to the queue URL and resolves with the message id', async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: 'msg-1' });

    const sent = await jobQueueSender(QUEUE_URL)(message);

    expect(sent).toEqual({ messageId: 'msg-1' });
    const inputs = sqs.commandCalls(SendMessageCommand).map((call) => call.args[0].input);
    expect(inputs.map((input) => input.QueueUrl)).toEqual([QUEUE_URL]);
    expect(AnalysisJobMessage.parse(JSON.parse(inputs[0]?.MessageBody ?? ''))).toEqual(message);
  });

  it('sends each message on its own, through one sender', async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: 'msg-n' });
    const send = jobQueueSender(QUEUE_URL);

    await send(message);
    await send({ job_id: 'a1b2c3d4-0000-4000-8000-000000000001' });

    const bodies = sqs.commandCalls(SendMessageCommand).map((call) => call.args[0].input.MessageBody);
    expect(bodies.map((body) => JSON.parse(body ?? '').job_id)).toEqual([
      message.job_id,
      'a1b2c3d4-0000-4000-8000-000000000001',
    ]);
  });

  it('rejects with a JobQueueError that keeps the SQS error as its cause', async () => {
    const missing = new QueueDoesNotExist({ message: 'The specified queue does not exist.', $metadata: {} });
    sqs.on(SendMessageCommand).rejects(missing);

    const error = await jobQueueSender(QUEUE_URL)(message).catch((e: unknown) => e);

    expect(error).toMatchObject({
      name: 'JobQueueError',
      message: expect.stringContaining('QueueDoesNotExist'),
      cause: missing,
    });
  });
});
