import { ChartsPayload, ReportPayload, RetirementPayload, SummaryPayload } from '@alex/contracts';
import type { JobJson } from './job-json';

function agentLines(summary: SummaryPayload): string[] {
  return Object.entries(summary.agents).map(([name, run]) => {
    const timing = run.status === 'skipped' ? '' : ` ${(run.duration_ms / 1000).toFixed(2)}s`;
    const model = run.model ? ` [${run.model}]` : '';
    const note = run.error ?? run.detail;
    return `  ${name.padEnd(11)} ${run.status}${timing}${model}${note ? ` - ${note}` : ''}`;
  });
}

/** Renders a finished job for a terminal: outcome, each agent, and what each payload holds. */
export function formatJobSummary(job: JobJson): string {
  const summary = SummaryPayload.safeParse(job.summary_payload);
  const report = ReportPayload.safeParse(job.report_payload);
  const charts = ChartsPayload.safeParse(job.charts_payload);
  const retirement = RetirementPayload.safeParse(job.retirement_payload);
  const lines = [`Job ${job.id}: ${job.status}${summary.success ? ` (${summary.data.outcome})` : ''}`];
  if (job.error_message) lines.push(`  ${job.error_message}`);
  if (summary.success) {
    lines.push(
      `Plan: ${summary.data.plan.source}; ${(summary.data.duration_ms / 1000).toFixed(2)}s`,
      ...agentLines(summary.data),
    );
  }
  if (report.success) {
    const heading = report.data.content.split('\n').find((line) => line.startsWith('#')) ?? '';
    lines.push(
      `Report: ${report.data.content.length} characters by ${report.data.model}: ${heading.replace(/^#+\s*/, '')}`,
    );
  }
  if (charts.success) {
    const ordered = Object.entries(charts.data).sort(([, a], [, b]) => (a.order ?? 0) - (b.order ?? 0));
    lines.push(`Charts: ${ordered.map(([key]) => key).join(', ')}`);
  }
  if (retirement.success) {
    const { success_rate, success_rate_ci95, paths } = retirement.data.simulation;
    const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
    lines.push(
      `Retirement: ${pct(success_rate)} success (95% CI ${pct(success_rate_ci95[0])}-${pct(success_rate_ci95[1])}, ${paths} paths)`,
    );
  }
  return lines.join('\n');
}
