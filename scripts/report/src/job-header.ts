import { escapeHtml } from './escape-html';
import type { JobPayloads, JobView } from './job-view';
import { formatTimestamp } from './page-format';

const OFFLINE = 'offline';
// These agents' offline output is already named by the payload it wrote.
const PAYLOAD_AGENTS = new Set(['reporter', 'charter', 'retirement']);

/** The parts of a job written by the deterministic templates instead of a language model. */
function offlineParts(payloads: JobPayloads): string[] {
  const parts: string[] = [];
  if (payloads.report.ok && payloads.report.value.model === OFFLINE) parts.push('the report');
  if (payloads.charts.ok) {
    const charts = Object.values(payloads.charts.value).filter((chart) => chart.model === OFFLINE).length;
    if (charts > 0) parts.push(`${charts === 1 ? 'one chart description' : `${charts} chart descriptions`}`);
  }
  if (payloads.retirement.ok && payloads.retirement.value.model === OFFLINE)
    parts.push('the retirement analysis');
  if (payloads.summary.ok) {
    if (payloads.summary.value.plan.source === OFFLINE) parts.push('the plan');
    for (const [name, run] of Object.entries(payloads.summary.value.agents)) {
      if (run.model === OFFLINE && !PAYLOAD_AGENTS.has(name)) parts.push(`the ${name}'s output`);
    }
  }
  return parts;
}

function listInWords(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function offlineBanner(payloads: JobPayloads): string {
  const parts = offlineParts(payloads);
  if (parts.length === 0) return '';
  return `<div class="banner" role="note"><strong>Written without a language model:</strong> ${escapeHtml(listInWords(parts))} came from deterministic templates over the computed figures.</div>`;
}

/** The page header: title, when the analysis ran, the offline banner and any stored error (run details come last). */
export function renderJobHeader(job: JobView, payloads: JobPayloads): string {
  const error = job.error_message
    ? `<div class="error" role="alert"><strong>Job error:</strong> ${escapeHtml(job.error_message)}</div>`
    : '';
  const when = job.completed_at ?? job.created_at;
  const subtitle =
    when === null ? '' : `<p class="subtitle">Analysis of ${escapeHtml(formatTimestamp(when))}</p>`;
  return [
    '<header>',
    '<h1>Your portfolio analysis</h1>',
    subtitle,
    offlineBanner(payloads),
    error,
    '</header>',
  ].join('\n');
}
