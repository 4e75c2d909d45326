import { createRepositories, TEST_USER_ID } from '@alex/database';
import { CliError, UsageError } from '../errors';
import { formatJobSummary } from '../format-job';
import { jobJson } from '../job-json';
import { openConfiguredDatabase } from '../local-database';
import type { CommandContext } from './command';

/** `alex jobs [--user ID]`: the user's recent jobs, newest first. */
export async function listJobs({ flags, output }: CommandContext): Promise<void> {
  const userId = typeof flags.user === 'string' ? flags.user : TEST_USER_ID;
  const handle = await openConfiguredDatabase(output, { requireSchema: true });
  try {
    const jobs = (await createRepositories(handle.db).jobs.listByUser(userId, 20)).map(jobJson);
    output.result({ jobs }, () =>
      jobs.length === 0
        ? `no jobs for ${userId}`
        : jobs
            .map((j) => `${j.id}  ${j.status.padEnd(9)} ${j.created_at}  ${j.error_message ?? ''}`)
            .join('\n'),
    );
  } finally {
    await handle.close();
  }
}

/** `alex job ID`: one job row with its payloads. */
export async function showJob({ positionals, output }: CommandContext): Promise<void> {
  const [id, ...extra] = positionals;
  if (!id || extra.length > 0) throw new UsageError('usage: alex job ID [--json]');
  const handle = await openConfiguredDatabase(output, { requireSchema: true });
  try {
    const job = await createRepositories(handle.db).jobs.find(id);
    if (!job) throw new CliError(`no job "${id}"`);
    const row = jobJson(job);
    output.result(row, () => formatJobSummary(row));
  } finally {
    await handle.close();
  }
}
