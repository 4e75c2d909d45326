import { setTimeout as delay } from 'node:timers/promises';
import { createRunningJob } from '@alex/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlannerHandler } from '../src';
import { plannerFixture, succeeded } from './support';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function fixture(behaviours: Parameters<typeof plannerFixture>[0] = {}) {
  const made = await plannerFixture(behaviours);
  close = made.database.close;
  made.deps.retry = { maxRetryTimeMs: 200, minDelayMs: 1, maxDelayMs: 10 };
  return made;
}

/** An SQS event of one record for the job, as Lambda delivers its `receiveCount`th receive. */
const delivery = (jobId: string, receiveCount: number) => ({
  Records: [
    {
      messageId: 'm-1',
      receiptHandle: 'AQEB-test',
      body: JSON.stringify({ job_id: jobId, clerk_user_id: 'test_user_001' }),
      attributes: { ApproximateReceiveCount: String(receiveCount) },
      eventSource: 'aws:sqs',
    },
  ],
});

const RETRY = { batchItemFailures: [{ itemIdentifier: 'm-1' }] };
const DONE = { batchItemFailures: [] };

describe('planner on SQS redeliveries', () => {
  it.each([
    {
      behaviour:
        'reports a redelivery during a live claim as a batch item failure and leaves the job untouched',
      receive: 2,
      response: RETRY,
      deleted: false,
    },
    {
      behaviour:
        'lets the message go on the final receive while another attempt holds a live claim, leaving the job to it',
      receive: 3,
      response: DONE,
      deleted: true,
    },
  ])('$behaviour', async ({ receive, response, deleted }) => {
    const { deps, database, invoker, logger } = await fixture();
    const job = await createRunningJob(database.repos, { owner: 'lambda:first/a', leaseMs: 120_000 });
    expect(await createPlannerHandler(deps, { maxReceives: 3 })(delivery(job.id, receive))).toEqual(response);
    expect(await database.repos.jobs.find(job.id)).toMatchObject({
      status: 'running',
      attempts: 1,
      claimedBy: 'lambda:first/a',
    });
    expect(invoker.calls).toHaveLength(0);
    expect(logger.lines.some((line) => String(line.message).includes('message deleted'))).toBe(deleted);
  });

  it('takes over a job whose claim expired when its message comes back, and finishes it', async () => {
    const { deps, database } = await fixture();
    const job = await createRunningJob(database.repos, { owner: 'lambda:crashed/a', leaseMs: 1 });
    await delay(5);
    const response = await createPlannerHandler(deps, { maxReceives: 3 })(delivery(job.id, 2));
    expect(response).toEqual(DONE);
    expect(await database.repos.jobs.find(job.id)).toMatchObject({ status: 'completed', attempts: 2 });
  });

  it('fails a pending job on the final receive when the database keeps failing transiently, never leaving it running', async () => {
    const { deps, database, job } = await fixture();
    const portfolios = database.repos.portfolios;
    deps.repos = {
      ...deps.repos,
      portfolios: {
        ...portfolios,
        load: async () => Promise.reject(new Error('Connection terminated unexpectedly')),
      },
    };
    const response = await createPlannerHandler(deps, { maxReceives: 3 })(delivery(job.id, 3));
    expect(response).toEqual(DONE);
    expect(await database.repos.jobs.find(job.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      errorMessage: 'the analysis stopped on an internal error; it has been logged',
    });
  });

  it('rides out a short database outage: transient errors are retried and the job completes', async () => {
    const { deps, database, job } = await fixture();
    deps.retry = { maxRetryTimeMs: 5_000, minDelayMs: 5, maxDelayMs: 20 };
    const portfolios = database.repos.portfolios;
    let failures = 3;
    deps.repos = {
      ...deps.repos,
      portfolios: {
        ...portfolios,
        load: async (userId) => {
          if (failures-- > 0)
            throw Object.assign(new Error('the database system is starting up'), { code: '57P03' });
          return portfolios.load(userId);
        },
      },
    };
    expect(await createPlannerHandler(deps)(delivery(job.id, 1))).toEqual(DONE);
    expect(await database.repos.jobs.find(job.id)).toMatchObject({ status: 'completed', attempts: 1 });
  });

  it('re-confirms its own claim when the claim’s response was lost and the call retried', async () => {
    const { deps, database, job } = await fixture();
    const jobs = database.repos.jobs;
    let lost = false;
    deps.repos = {
      ...deps.repos,
      jobs: {
        ...jobs,
        claim: async (id, options) => {
          const result = await jobs.claim(id, options);
          if (lost) return result;
          lost = true;
          throw Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
        },
      },
    };
    expect(await createPlannerHandler(deps)(delivery(job.id, 1))).toEqual(DONE);
    expect(await jobs.find(job.id)).toMatchObject({ status: 'completed', attempts: 1 });
  });

  it('keeps its claim alive past the lease while it works, so a redelivery cannot take the job over', async () => {
    let secondResponse: unknown;
    const made = await fixture({
      reporter: async () => {
        // Well past the 300 ms lease: only the heartbeat keeps the claim.
        await delay(900);
        secondResponse = await createPlannerHandler(made.deps)(delivery(made.job.id, 2));
        return succeeded('reporter');
      },
    });
    made.deps.leaseMs = 300;
    const response = await createPlannerHandler(made.deps)(delivery(made.job.id, 1));
    expect(response).toEqual(DONE);
    expect(secondResponse).toEqual(RETRY);
    expect(await made.database.repos.jobs.find(made.job.id)).toMatchObject({
      status: 'completed',
      attempts: 1,
    });
  });

  it('names its claim after the Lambda request id', async () => {
    const { deps, database, job } = await fixture();
    await createPlannerHandler(deps)(delivery(job.id, 1), {
      awsRequestId: 'req-123',
      getRemainingTimeInMillis: () => 600_000,
    });
    const done = await database.repos.jobs.find(job.id);
    expect(done?.status).toBe('completed');
    expect(done?.claimedBy).toMatch(/^lambda:req-123\/[0-9a-f]{8}$/);
  });
});
