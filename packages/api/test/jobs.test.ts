import type { ChartsPayload } from '@alex/contracts';
import { describe, expect, it } from 'vitest';
import { useTestApi } from './support/test-api';

const chart = (title: string, order: number) => ({
  title,
  type: 'pie' as const,
  description: title,
  data: [{ name: 'Cash', value: 100, color: '#209DD7' }],
  order,
});

// Keys chosen so neither insertion nor jsonb's own (length, then bytes) order is the display order.
const CHARTS: ChartsPayload = {
  asset_class_mix: chart('Asset classes', 2),
  top_holdings_by_value: chart('Top holdings', 0),
  regions: chart('Regions', 1),
};

describe('GET /api/jobs', () => {
  const api = useTestApi();

  async function finishedJob(user: string, report: string) {
    const { jobs } = api.database.repos;
    const job = await jobs.create({ clerkUserId: user, jobType: 'portfolio_analysis', requestPayload: null });
    await jobs.claim(job.id);
    await jobs.savePayload(job.id, 'report_payload', { content: report, agent: 'reporter' });
    await jobs.savePayload(job.id, 'charts_payload', CHARTS);
    await jobs.finish(job.id, 'completed');
    return job.id;
  }

  it('lists 100 finished jobs newest first without their payloads', async () => {
    await api.call('GET', '/api/user', { as: 'jobs_many' });
    const report = 'A model-length report paragraph. '.repeat(1500);
    const ids: string[] = [];
    for (let n = 0; n < 101; n++) ids.push(await finishedJob('jobs_many', report));
    const reply = await api.call('GET', '/api/jobs', { as: 'jobs_many' });
    expect(reply.body.jobs).toHaveLength(100);
    expect(reply.body.jobs[0]).toEqual({
      id: ids.at(-1),
      clerk_user_id: 'jobs_many',
      job_type: 'portfolio_analysis',
      status: 'completed',
      error_message: null,
      created_at: expect.any(String),
      started_at: expect.any(String),
      completed_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const created = reply.body.jobs.map((job: { created_at: string }) => Date.parse(job.created_at));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(JSON.stringify(reply.body).length).toBeLessThan(100_000);
    expect((await api.call('GET', '/api/jobs', { as: 'jobs_other' })).body).toEqual({ jobs: [] });
  });

  it('returns one whole job with its charts in display order, only to its owner', async () => {
    await api.call('GET', '/api/user', { as: 'jobs_one' });
    const id = await finishedJob('jobs_one', '# Report');
    const reply = await api.call('GET', `/api/jobs/${id}`, { as: 'jobs_one' });
    expect(reply.body).toMatchObject({
      id,
      status: 'completed',
      report_payload: { content: '# Report', agent: 'reporter' },
      retirement_payload: null,
      summary_payload: null,
      request_payload: null,
    });
    expect(Object.keys(reply.body.charts_payload)).toEqual([
      'top_holdings_by_value',
      'regions',
      'asset_class_mix',
    ]);
    expect((await api.call('GET', `/api/jobs/${id}`, { as: 'jobs_intruder' })).status).toBe(404);
    expect((await api.call('GET', '/api/jobs/not-a-uuid', { as: 'jobs_one' })).status).toBe(404);
  });
});
