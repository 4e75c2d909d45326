import { type AnalysisJobMessage, AnalyzeRequest } from '@alex/contracts';
import { describeError, errorName } from '@alex/errors';
import { Hono } from 'hono';
import type { ApiDeps, AppEnv } from '../app-env';
import { NotFoundError, ServiceUnavailableError } from '../errors';
import { jsonBody } from '../validation';

/**
 * `POST /api/analyze`: one active analysis per user (a pending or running job is returned instead of a second
 * one) and no orphans (a job whose message cannot be queued is failed with the reason, and the answer is 503).
 */
export function analyzeRoutes(deps: ApiDeps) {
  const { userJobs, jobs } = deps.repos;
  return new Hono<AppEnv>().post('/', ...jsonBody(AnalyzeRequest), async (c) => {
    const userId = c.get('userId');
    const { analysis_type, options } = c.req.valid('json');
    const started = await userJobs.startAnalysis(userId, { analysis_type, options });
    if (!started.ok) throw new NotFoundError('User');
    const { job, created } = started;
    if (!created) {
      return c.json({
        job_id: job.id,
        message: 'An analysis is already in progress. Check job status for results.',
      });
    }
    const message: AnalysisJobMessage = { job_id: job.id, clerk_user_id: userId, analysis_type, options };
    try {
      await deps.queue.send(message);
    } catch (error) {
      const reason = describeError(error);
      deps.logger.error('analysis job could not be queued', {
        requestId: c.get('requestId'),
        jobId: job.id,
        userId,
        error: reason,
      });
      await jobs.finish(
        job.id,
        'failed',
        `The analysis could not be queued (${errorName(error)}); please try again.`,
      );
      throw new ServiceUnavailableError('The analysis could not be started; please try again later.', {
        cause: error,
      });
    }
    deps.logger.info('analysis job queued', {
      requestId: c.get('requestId'),
      jobId: job.id,
      userId: c.get('userId'),
    });
    return c.json({ job_id: job.id, message: 'Analysis started. Check job status for results.' });
  });
}
