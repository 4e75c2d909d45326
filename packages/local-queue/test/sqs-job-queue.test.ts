import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqsJobQueue } from '../src';
import { createTestQueues, peekMessages, startTestSqs, type TestSqs } from './support/local-sqs';

let local: TestSqs;
beforeAll(async () => {
  local = await startTestSqs();
});
afterAll(() => local.close());

describe('sqsJobQueue', () => {
  it('sends strings as they are and objects as JSON', async () => {
    const { queueUrl } = await createTestQueues(local.client, 'producer');
    const queue = sqsJobQueue(local.client, queueUrl);
    const text = await queue.send('plain body');
    const json = await queue.send({ job_id: '6f1c1d1e-0000-4000-8000-000000000001' });
    const bodies = new Map((await peekMessages(local.client, queueUrl)).map((m) => [m.MessageId, m.Body]));
    expect(bodies).toEqual(
      new Map([
        [text.messageId, 'plain body'],
        [json.messageId, '{"job_id":"6f1c1d1e-0000-4000-8000-000000000001"}'],
      ]),
    );
  });
});
