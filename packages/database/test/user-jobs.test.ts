import { findCause } from '@alex/errors';
import { describe, expect, it } from 'vitest';
import { ResultTooLargeError } from '../src';
import { createUserJob, useTestDatabase } from './support/file-database';
import { TEST_DRIVER } from './support/test-database';

const REQUEST = { analysis_type: 'portfolio', options: {} };

describe(`one user's jobs on ${TEST_DRIVER}`, () => {
  const database = useTestDatabase();

  it('starts one analysis per user however many requests race for it', async () => {
    // Several rounds of 20 racers: on postgres (a pool of 30) they are concurrent transactions.
    for (let round = 0; round < 5; round++) {
      const user = `start_race_${round}`;
      await createUserJob(database.repos, user);
      await database.repos.jobs.finish((await database.repos.userJobs.list(user))[0]?.id ?? '', 'completed');
      const results = await Promise.all(
        Array.from({ length: 20 }, () => database.repos.userJobs.startAnalysis(user, REQUEST)),
      );
      const ids = new Set(results.map((result) => (result.ok ? result.job.id : 'refused')));
      expect(ids.size).toBe(1);
      expect(results.filter((result) => result.ok && result.created)).toHaveLength(1);
      const jobs = await database.repos.userJobs.list(user);
      expect(jobs.map((job) => job.status)).toEqual(['pending', 'completed']);
    }
  });

  it('starts a new analysis once the previous one finished, and refuses an unknown user', async () => {
    await createUserJob(database.repos, 'start_again');
    const [active] = await database.repos.userJobs.list('start_again');
    const same = await database.repos.userJobs.startAnalysis('start_again', REQUEST);
    expect(same).toMatchObject({ ok: true, created: false, job: { id: active?.id } });
    await database.repos.jobs.finish(active?.id ?? '', 'failed', 'gave up');
    const fresh = await database.repos.userJobs.startAnalysis('start_again', REQUEST);
    expect(fresh).toMatchObject({
      ok: true,
      created: true,
      job: { status: 'pending', requestPayload: REQUEST },
    });
    expect(await database.repos.userJobs.startAnalysis('nobody', REQUEST)).toEqual({
      ok: false,
      error: 'no_user',
    });
  });

  // 100 jobs matter where the 1 MiB limit exists (the Data API); elsewhere 10 show the order and the columns.
  const count = TEST_DRIVER === 'data-api' ? 100 : 10;
  it('lists 100 jobs with model-length reports newest first within the Data API’s 1 MiB', async () => {
    const first = await createUserJob(database.repos, 'many_jobs');
    const content = 'A model-length report paragraph. '.repeat(1500);
    const ids = [first.id];
    for (let n = 1; n < count; n++) {
      const job = await database.repos.jobs.create({
        clerkUserId: 'many_jobs',
        jobType: 'portfolio_analysis',
        requestPayload: null,
      });
      ids.push(job.id);
    }
    for (const id of ids) {
      await database.repos.jobs.claim(id);
      await database.repos.jobs.savePayload(id, 'report_payload', { content });
      await database.repos.jobs.finish(id, 'completed');
    }
    const listed = await database.repos.userJobs.list('many_jobs', 100);
    expect(listed).toHaveLength(count);
    expect(listed.every((job) => job.status === 'completed')).toBe(true);
    const times = listed.map((job) => job.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(listed[0]).not.toHaveProperty('reportPayload');
    // The same list with the payloads is what the Data API refuses.
    if (TEST_DRIVER === 'data-api') {
      const failure = await database.repos.jobs.listByUser('many_jobs', 100).then(
        () => null,
        (e: unknown) => e,
      );
      expect(findCause(failure, ResultTooLargeError)).not.toBeNull();
    }
  });

  it('finds a job only for its owner', async () => {
    const job = await createUserJob(database.repos, 'owner_of_job');
    expect((await database.repos.userJobs.find('owner_of_job', job.id))?.id).toBe(job.id);
    expect(await database.repos.userJobs.find('someone_else', job.id)).toBeNull();
    expect(await database.repos.userJobs.find('owner_of_job', 'not-a-uuid')).toBeNull();
  });
});
