import { escapeHtml } from './escape-html';
import type { JobPayloads, JobView } from './job-view';
import { formatCount, formatTimestamp, notAvailable, statusBadge } from './page-format';
import { renderAgentTable, renderPlan, renderPrices, renderUsage } from './run-summary';

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
    renderUsage(summary.usage),
  ].join('\n');
}

/** The page header: job facts, the offline banner, any stored error, and the run summary (agents, plan, usage). */
export function renderJobHeader(job: JobView, payloads: JobPayloads): string {
  const error = job.error_message
    ? `<div class="error" role="alert"><strong>Job error:</strong> ${escapeHtml(job.error_message)}</div>`
    : '';
  return [
    '<header>',
    '<h1>Portfolio analysis</h1>',
    `<p class="subtitle">One job of Alex Agents, for <span class="mono">${escapeHtml(job.clerk_user_id)}</span></p>`,
    offlineBanner(payloads),
    error,
    facts(job, payloads),
    '</header>',
    '<section id="run"><h2>Run summary</h2>',
    runSummary(payloads),
    '</section>',
  ].join('\n');
}
