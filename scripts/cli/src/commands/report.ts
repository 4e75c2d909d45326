import { writeFile } from 'node:fs/promises';
import { ReportPayload } from '@alex/contracts';
import { renderJobHtml } from '@alex/report';
import { formatJobSummary } from '../format-job';
import type { CommandContext } from './command';
import { loadJob } from './jobs';

/**
 * `alex report ID [--html FILE]`: a past job's summary (as `alex job` prints it) followed by its report, or
 * with --html its HTML page written to FILE. With --json the job row, plus `html` when a page was written.
 */
export async function report({ positionals, flags, output }: CommandContext): Promise<void> {
  const row = await loadJob(positionals[0] ?? '', output);
  if (typeof flags.html === 'string') {
    const file = flags.html;
    await writeFile(file, renderJobHtml(row));
    output.result({ ...row, html: file }, () => `wrote ${file} (job ${row.id}, ${row.status})`);
    return;
  }
  const parsed = ReportPayload.safeParse(row.report_payload);
  const markdown = parsed.success ? parsed.data.content.trim() : '(this job has no report)';
  output.result(row, () => `${formatJobSummary(row)}\n\n${markdown}`);
}
