import { describe, expect, it } from 'vitest';
import { useTestApi } from './support/test-api';

// What advisor-team.tsx sends.
const ANALYZE = { analysis_type: 'portfolio', options: {} };

describe('POST /api/analyze', () => {
  const api = useTestApi();
  const analyze = (user: string) => api.call('POST', '/api/analyze', { as: user, json: ANALYZE });

  it('creates a pending job and queues its message', async () => {
    await api.call('GET', '/api/user', { as: 'analyze_one' });
    const reply = await analyze('analyze_one');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      job_id: expect.any(String),
      message: 'Analysis started. Check job status for results.',
    });
    const job = await api.database.repos.jobs.find(reply.body.job_id);
    expect(job).toMatchObject({
      clerkUserId: 'analyze_one',
      jobType: 'portfolio_analysis',
      status: 'pending',
      requestPayload: ANALYZE,
    });
    expect(api.queue.sent.at(-1)).toEqual({
      job_id: reply.body.job_id,
      clerk_user_id: 'analyze_one',
      ...ANALYZE,
    });
  });

  it('carries a question to the job and its message, and refuses one it cannot store, writing nothing', async () => {
    await api.call('GET', '/api/user', { as: 'analyze_question' });
    const tooLong = { analysis_type: 'portfolio', options: { question: 'x'.repeat(501) } };
    const jobsBefore = (await api.database.repos.jobs.listByUser('analyze_question', 10)).length;
    const refused = await api.call('POST', '/api/analyze', { as: 'analyze_question', json: tooLong });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('question');
    const notText = { analysis_type: 'portfolio', options: { question: 42 } };
    expect((await api.call('POST', '/api/analyze', { as: 'analyze_question', json: notText })).status).toBe(
      422,
    );
    expect(await api.database.repos.jobs.listByUser('analyze_question', 10)).toHaveLength(jobsBefore);

    const asked = { analysis_type: 'portfolio', options: { question: 'What if I retire at 60?' } };
    const reply = await api.call('POST', '/api/analyze', { as: 'analyze_question', json: asked });
    expect(reply.status).toBe(200);
    const job = await api.database.repos.jobs.find(reply.body.job_id);
    expect(job?.requestPayload).toEqual(asked);
    expect(api.queue.sent.at(-1)).toMatchObject({ job_id: reply.body.job_id, options: asked.options });
  });

  it('returns the analysis under way instead of starting a second one, even to concurrent requests', async () => {
    await api.call('GET', '/api/user', { as: 'analyze_race' });
    const sentBefore = api.queue.sent.length;
    const replies = await Promise.all([analyze('analyze_race'), analyze('analyze_race')]);
    expect(replies.map((reply) => reply.status)).toEqual([200, 200]);
    expect(replies[0]?.body.job_id).toBe(replies[1]?.body.job_id);
    expect(await api.database.repos.userJobs.list('analyze_race')).toHaveLength(1);
    expect(api.queue.sent.length).toBe(sentBefore + 1);
    const later = await analyze('analyze_race');
    expect(later.body.job_id).toBe(replies[0]?.body.job_id);
  });

  it('marks the job failed and answers 503 when the queue refuses the message, leaving no orphan', async () => {
    await api.call('GET', '/api/user', { as: 'analyze_down' });
    api.queue.failing = true;
    try {
      const reply = await analyze('analyze_down');
      expect(reply.status).toBe(503);
      expect(typeof reply.body.detail).toBe('string');
    } finally {
      api.queue.failing = false;
    }
    const [job] = await api.database.repos.userJobs.list('analyze_down');
    expect(job).toMatchObject({
      status: 'failed',
      errorMessage: expect.stringContaining('could not be queued'),
    });
    const retry = await analyze('analyze_down');
    expect(retry.status).toBe(200);
    expect(retry.body.job_id).not.toBe(job?.id);
  });

  it('answers 404 to a caller who has no profile yet, creating nothing', async () => {
    const reply = await analyze('analyze_nobody');
    expect(reply.status).toBe(404);
    expect(await api.database.repos.userJobs.list('analyze_nobody')).toEqual([]);
  });
});
