import { escapeHtml } from './escape-html';
import type { JobPayloads, JobView } from './job-view';
import { formatCount, formatTimestamp, notAvailable, statusBadge } from './page-format';
import { renderAgentTable, renderPlan, renderPrices, renderUsage } from './run-summary';

function facts(job: JobView, payloads: JobPayloads): string {
  const summary = payloads.summary.ok ? payloads.summary.value : null;
  const outcome = summary ? statusBadge(summary.outcome) : '<span class="note">not available</span>';
  const duration = summary ? `<dt>Duration</dt><dd>${formatCount(summary.duration_ms)} ms</dd>` : '';
  return [
    '<dl class="facts">',
    `<dt>Job</dt><dd class="mono">${escapeHtml(job.id)}</dd>`,
    `<dt>User</dt><dd class="mono">${escapeHtml(job.clerk_user_id)}</dd>`,
    `<dt>Status</dt><dd>${statusBadge(job.status)}</dd>`,
    `<dt>Outcome</dt><dd>${outcome}</dd>`,
    `<dt>Created</dt><dd>${escapeHtml(formatTimestamp(job.created_at))}</dd>`,
    `<dt>Completed</dt><dd>${escapeHtml(formatTimestamp(job.completed_at))}</dd>`,
    duration,
    '</dl>',
  ].join('');
}

function runSummary(payloads: JobPayloads): string {
  if (!payloads.summary.ok) return notAvailable('Run summary', payloads.summary.reason);
  const summary = payloads.summary.value;
  return [
    '<h3>Agents</h3>',
    renderAgentTable(summary.agents),
    '<h3>Plan</h3>',
    renderPlan(summary.plan),
    renderPrices(summary.prices),
    '<h3>Model usage</h3>',
    renderUsage(summary),
  ].join('\n');
}

/** The run details, at the end of the page: job facts, agents and their durations, the plan, prices and usage. */
export function renderRunDetails(job: JobView, payloads: JobPayloads): string {
  return [
    '<section id="run"><h2>Run details</h2>',
    facts(job, payloads),
    runSummary(payloads),
    '</section>',
  ].join('\n');
}
