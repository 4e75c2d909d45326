import { afterEach, describe, expect, it } from 'vitest';
import { createPlannerHandler, runPlanner } from '../src';
import { plannerFixture } from './support';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

function timeout(): Error {
  const error = new Error('Data API request timed out');
  error.name = 'TimeoutError';
  return error;
}

async function fixtureWithFlakyLoad(error: Error) {
  const fixture = await plannerFixture({});
  close = fixture.database.close;
  // Database retries give up at once here: these tests are about what happens after they do.
  fixture.deps.retry = { maxRetryTimeMs: 50, minDelayMs: 1, maxDelayMs: 5 };
  const portfolios = fixture.database.repos.portfolios;
  fixture.deps.repos = {
    ...fixture.deps.repos,
    portfolios: { ...portfolios, load: async () => Promise.reject(error) },
  };
  return fixture;
}

describe('planner on infrastructure failures', () => {
  it('hands a job back to pending and rethrows on a transient failure, so SQS retries it', async () => {
    const { deps, job, database } = await fixtureWithFlakyLoad(timeout());
    await expect(runPlanner({ jobId: job.id }, deps)).rejects.toThrow('timed out');
    expect(await database.repos.jobs.find(job.id)).toMatchObject({ status: 'pending', attempts: 1 });
  });

  it('fails the job on the final attempt instead of retrying forever', async () => {
    const { deps, job, database } = await fixtureWithFlakyLoad(timeout());
    const outcome = await runPlanner({ jobId: job.id, finalAttempt: true }, deps);
    expect(outcome).toMatchObject({ kind: 'finished', status: 'failed' });
    expect((await database.repos.jobs.find(job.id))?.errorMessage).toBe(
      'the analysis stopped on an internal error; it has been logged',
    );
  });

  it('fails the job at once on a permanent error', async () => {
    const { deps, job, database } = await fixtureWithFlakyLoad(new Error('column "x" does not exist'));
    await runPlanner({ jobId: job.id }, deps);
    expect((await database.repos.jobs.find(job.id))?.status).toBe('failed');
  });
});

describe('planner handler on a transient failure', () => {
  const record = (jobId: string, receiveCount: string) => ({
    Records: [
      {
        messageId: 'm-1',
        body: JSON.stringify({ job_id: jobId }),
        attributes: { ApproximateReceiveCount: receiveCount },
        eventSource: 'aws:sqs',
      },
    ],
  });

  it("reports the record for retry before the queue's last receive", async () => {
    const { deps, job, database } = await fixtureWithFlakyLoad(timeout());
    const response = await createPlannerHandler(deps, { maxReceives: 3 })(record(job.id, '2'));
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-1' }] });
    expect((await database.repos.jobs.find(job.id))?.status).toBe('pending');
  });

  it("fails the job on the queue's last receive and lets the message go", async () => {
    const { deps, job, database } = await fixtureWithFlakyLoad(timeout());
    const response = await createPlannerHandler(deps, { maxReceives: 3 })(record(job.id, '3'));
    expect(response).toEqual({ batchItemFailures: [] });
    expect((await database.repos.jobs.find(job.id))?.status).toBe('failed');
  });
});
