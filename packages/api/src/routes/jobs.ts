import { Hono } from 'hono';
import type { ApiDeps, AppEnv } from '../app-env';
import { jobRow, jobSummaryRow } from '../response-rows';
import { found, rowId } from '../validation';

/** How many jobs `GET /api/jobs` lists (the reference's limit). */
const JOB_LIST_LIMIT = 100;

/** The caller's jobs: the newest first without payloads, and one whole job by id. */
export function jobsRoutes(deps: ApiDeps) {
  const { userJobs } = deps.repos;
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const jobs = await userJobs.list(c.get('userId'), JOB_LIST_LIMIT);
      return c.json({ jobs: jobs.map(jobSummaryRow) });
    })
    .get('/:id', async (c) => {
      const job = await userJobs.find(c.get('userId'), rowId(c.req.param('id'), 'Job'));
      return c.json(jobRow(found(job, 'Job')));
    });
}
