import type { Job } from '@alex/contracts';
import type { JobsRepository } from '@alex/database';
import { CliError } from './errors';

/** Polls a job until it is completed or failed; gives up after `timeoutMs`. */
export async function waitForJob(jobs: JobsRepository, jobId: string, timeoutMs: number): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await jobs.find(jobId);
    if (!job) throw new CliError(`job ${jobId} disappeared`);
    if (job.status === 'completed' || job.status === 'failed') return job;
    if (Date.now() > deadline)
      throw new CliError(`job ${jobId} is still ${job.status} after ${timeoutMs / 1000}s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
