import { ChartsPayload, ReportPayload, RetirementPayload, SummaryPayload } from '@alex/contracts';
import { costLine } from '@alex/report';
import type { JobJson } from './job-json';

function agentLines(summary: SummaryPayload): string[] {
  return Object.entries(summary.agents).map(([name, run]) => {
    const timing = run.status === 'skipped' ? '' : ` ${(run.duration_ms / 1000).toFixed(2)}s`;
    const model = run.model ? ` [${run.model}]` : '';
    const note = run.error ?? run.detail;
    return `  ${name.padEnd(11)} ${run.status}${timing}${model}${note ? ` - ${note}` : ''}`;
  });
}

/** One gap in a few words: its kind and up to ten symbols, or its sentence when it names none. */
function describeGap(gap: SummaryPayload['gaps'][number]): string {
  if (gap.symbols.length === 0) return gap.detail.length > 160 ? `${gap.detail.slice(0, 159)}…` : gap.detail;
  const shown = gap.symbols.slice(0, 10).join(', ');
  const more = gap.symbols.length > 10 ? ` and ${gap.symbols.length - 10} more` : '';
  return `${gap.kind.replaceAll('_', ' ')} ${shown}${more}`;
}

function modelNote(summary: SummaryPayload): string {
  const failed = summary.gaps.find((gap) => gap.kind === 'model_failed');
  if (failed) return `written without the configured model: ${failed.detail}`;
  if (!summary.llm || summary.llm.model === 'offline') return 'written offline (no model configured)';
  return `written by ${summary.llm.model}${summary.llm.endpoint ? ` at ${summary.llm.endpoint}` : ''}`;
}

/**
 * The last line a person reads about a job: its outcome, what it left out, and who wrote it, so output
 * written without a configured model never passes for the model's.
 */
export function closingLine(job: JobJson): string {
  const summary = SummaryPayload.safeParse(job.summary_payload);
  if (job.status !== 'completed' && job.status !== 'failed') return `job ${job.id} is still ${job.status}`;
  if (!summary.success)
    return `job ${job.id} ${job.status}${job.error_message ? `: ${job.error_message}` : ''}`;
  const { outcome, gaps } = summary.data;
  const left = gaps.filter((gap) => gap.kind !== 'model_failed').map(describeGap);
  if (job.status === 'failed') return `failed: ${job.error_message ?? 'no reason recorded'}`;
  const verdict = outcome === 'partial' ? 'completed with gaps' : 'completed';
  return [
    verdict,
    ...(left.length > 0 ? [`left out: ${left.join('; ')}`] : []),
    modelNote(summary.data),
  ].join(' — ');
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
      `Cost: ${costLine(summary.data.cost)}`,
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
    const { success_rate, success_rate_ci95, success_range, paths, method } = retirement.data.simulation;
    const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
    const spread = success_range
      ? `range across methods and fees ${pct(success_range[0])}-${pct(success_range[1])}`
      : success_rate_ci95
        ? `95% CI ${pct(success_rate_ci95[0])}-${pct(success_rate_ci95[1])}`
        : 'no sampling interval';
    lines.push(
      `Retirement: ${pct(success_rate)} success (${spread}, ${paths} ${method ?? 'parametric'} paths)`,
    );
  }
  if (summary.success) {
    for (const gap of summary.data.gaps) lines.push(`Gap: ${gap.detail}`);
    for (const assumption of summary.data.assumptions) lines.push(`Assumed: ${assumption}`);
  }
  lines.push(closingLine(job));
  return lines.join('\n');
}
