import { createRunningJob, recordedEvent } from '@alex/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlannerHandler } from '../src';
import { plannerFixture } from './support';

const batch = recordedEvent(new URL('./events/sqs-batch.json', import.meta.url));
const direct = recordedEvent(new URL('./events/direct.json', import.meta.url));
const records = batch.Records as { body: string }[];
const jobIdOf = (index: number) => {
  const body = records[index]?.body ?? '';
  return body.startsWith('{') ? (JSON.parse(body) as { job_id: string }).job_id : body;
};

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function fixture() {
  const made = await plannerFixture({});
  close = made.database.close;
  for (const index of [0, 1]) {
    await made.database.repos.jobs.create({
      id: jobIdOf(index),
      clerkUserId: 'test_user_001',
      jobType: 'portfolio_analysis',
      requestPayload: null,
    });
  }
  return made;
}

describe('planner handler', () => {
  it('processes every record of its recorded batch and reports only the bad one', async () => {
    const { deps, database } = await fixture();
    const response = await createPlannerHandler(deps)(batch);
    expect(response).toEqual({
      batchItemFailures: [{ itemIdentifier: '1f0e9d8c-0000-4000-8000-000000000003' }],
    });
    for (const index of [0, 1]) {
      expect((await database.repos.jobs.find(jobIdOf(index)))?.status).toBe('completed');
    }
  });

  it('runs a direct {job_id} invocation and reports a duplicate as such', async () => {
    const { deps } = await fixture();
    const handler = createPlannerHandler(deps);
    expect(await handler(direct)).toMatchObject({ kind: 'finished', status: 'completed' });
    expect(await handler(direct)).toMatchObject({ kind: 'duplicate', status: 'completed' });
  });

  it('reports a message naming an unknown job as a batch item failure without touching other jobs', async () => {
    const { deps, database } = await fixture();
    const other = await createRunningJob(database.repos);
    const event = {
      Records: [{ ...(records[0] as object), body: '{"job_id":"00000000-0000-4000-8000-00000000dead"}' }],
    };
    const response = await createPlannerHandler(deps)(event);
    expect(response).toEqual({
      batchItemFailures: [{ itemIdentifier: '1f0e9d8c-0000-4000-8000-000000000001' }],
    });
    expect((await database.repos.jobs.find(other.id))?.status).toBe('running');
  });

  it('throws a clear error for an event that is neither SQS, {job_id} nor {sweep: true}', async () => {
    const { deps } = await fixture();
    await expect(createPlannerHandler(deps)({ hello: 'world' })).rejects.toThrow(
      /expected an SQS event, \{"job_id": "<uuid>"\} or \{"sweep": true\}/,
    );
  });

  it('refuses a sweep when it has no queue to re-send jobs to', async () => {
    const { deps } = await fixture();
    await expect(createPlannerHandler(deps)({ sweep: true })).rejects.toThrow(/sweep/);
  });
});
