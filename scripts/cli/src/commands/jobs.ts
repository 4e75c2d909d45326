import { SummaryPayload } from '@alex/contracts';
import { createRepositories, TEST_USER_ID } from '@alex/database';
import { formatUsd } from '@alex/report';
import { NotFoundError } from '../errors';
import { formatJobSummary } from '../format-job';
import { type JobJson, jobJson } from '../job-json';
import { withConfiguredDatabase } from '../local-database';
import type { Output } from '../output';
import type { CommandContext } from './command';

/** A job's model cost for the list: dollars, "unpriced", or "—" before it finished or before costs. */
function jobCost(job: JobJson): string {
  const summary = SummaryPayload.safeParse(job.summary_payload);
  const cost = summary.success ? summary.data.cost : undefined;
  return cost ? formatUsd(cost.total_usd) : '—';
}

/** `alex jobs [--user ID]`: the user's recent jobs, newest first. */
export async function listJobs({ flags, output }: CommandContext): Promise<void> {
  const userId = typeof flags.user === 'string' ? flags.user : TEST_USER_ID;
  await withConfiguredDatabase(output, { requireSchema: true }, async (handle) => {
    const jobs = (await createRepositories(handle.db).jobs.listByUser(userId, 20)).map(jobJson);
    output.result({ jobs }, () =>
      jobs.length === 0
        ? `no jobs for ${userId}`
        : jobs
            .map(
              (j) =>
                `${j.id}  ${j.status.padEnd(9)} ${j.created_at}  ${jobCost(j).padStart(9)}  ${j.error_message ?? ''}`,
            )
            .join('\n'),
    );
  });
}

/** A stored job as the CLI prints it, or a not-found error naming the id. */
export async function loadJob(id: string, output: Output): Promise<JobJson> {
  return withConfiguredDatabase(output, { requireSchema: true }, async (handle) => {
    const job = await createRepositories(handle.db).jobs.find(id);
    if (!job) throw new NotFoundError(`no job "${id}": \`pnpm alex jobs --user ID\` lists a user's jobs`);
    return jobJson(job);
  });
}

/** `alex job ID`: one job row with its payloads. */
export async function showJob({ positionals, output }: CommandContext): Promise<void> {
  const row = await loadJob(positionals[0] ?? '', output);
  output.result(row, () => formatJobSummary(row));
}
