import type { SummaryPayload } from '@alex/contracts';
import { escapeHtml } from './escape-html';
import { costLine, formatCount, formatUsd, statusBadge } from './page-format';

const list = (names: readonly string[]) => (names.length > 0 ? escapeHtml(names.join(', ')) : '—');

function agentRows(agents: SummaryPayload['agents']): string {
  return Object.entries(agents)
    .map(([name, run]) => {
      const problem = [run.error, run.detail].filter((text): text is string => text !== null).join(' — ');
      return `<tr><td>${escapeHtml(name)}</td><td>${statusBadge(run.status)}</td><td class="num">${formatCount(run.duration_ms)}</td><td class="mono">${escapeHtml(run.model ?? '—')}</td><td>${escapeHtml(problem || '—')}</td></tr>`;
    })
    .join('');
}

/** The per-agent table: status, duration in ms, model and any error or detail, in the order the summary lists them. */
export function renderAgentTable(agents: SummaryPayload['agents']): string {
  if (Object.keys(agents).length === 0) return '<p class="note">The summary lists no agents.</p>';
  return `<div class="table-scroll"><table class="agents"><thead><tr><th>Agent</th><th>Status</th><th class="num">Duration (ms)</th><th>Model</th><th>Error or detail</th></tr></thead><tbody>${agentRows(agents)}</tbody></table></div>`;
}

/** The plan's source, the agents it required and ran, its note, steps, deviations and refused plans. */
export function renderPlan(plan: SummaryPayload['plan']): string {
  const note = plan.note ? `<dt>Note</dt><dd>${escapeHtml(plan.note)}</dd>` : '';
  const origin = plan.origin ? `<dt>Plan origin</dt><dd>${escapeHtml(plan.origin)}</dd>` : '';
  const planning =
    plan.planning_ms === undefined ? '' : `<dt>Planning</dt><dd>${formatCount(plan.planning_ms)} ms</dd>`;
  return [
    '<dl class="facts">',
    `<dt>Plan source</dt><dd>${escapeHtml(plan.source)}</dd>`,
    origin,
    planning,
    `<dt>Required</dt><dd>${list(plan.required)}</dd>`,
    `<dt>Executed</dt><dd>${list(plan.executed)}</dd>`,
    `<dt>Model calls</dt><dd>${list(plan.model_calls)}</dd>`,
    note,
    '</dl>',
    renderPlanSteps(plan.steps ?? []),
    renderDeviations(plan.deviations ?? []),
    renderRejected(plan.rejected ?? []),
  ].join('');
}

function renderPlanSteps(steps: NonNullable<SummaryPayload['plan']['steps']>): string {
  if (steps.length === 0) return '';
  const rows = steps
    .map(
      (step) =>
        `<tr><td class="num">${step.stage}</td><td>${escapeHtml(step.agent)}</td><td>${escapeHtml(step.rationale)}</td><td class="num">${Math.round(step.confidence * 100)}%</td></tr>`,
    )
    .join('');
  return `<h4>Plan steps</h4><div class="table-scroll"><table><thead><tr><th class="num">Stage</th><th>Agent</th><th>Why</th><th class="num">Confidence</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function renderDeviations(deviations: NonNullable<SummaryPayload['plan']['deviations']>): string {
  if (deviations.length === 0) return '';
  const items = deviations
    .map(
      (deviation) =>
        `<li>${escapeHtml(deviation.agent)} ${escapeHtml(deviation.kind)}: ${escapeHtml(deviation.reason)}</li>`,
    )
    .join('');
  return `<h4>Deviations from the plan</h4><ul class="assumptions">${items}</ul>`;
}

function renderRejected(rejected: readonly string[]): string {
  if (rejected.length === 0) return '';
  const items = rejected.map((reason) => `<li>${escapeHtml(reason)}</li>`).join('');
  return `<h4>Model plans refused</h4><ul class="assumptions">${items}</ul>`;
}

/** Token usage and dollars per model and the job's cost by agent, or a line saying no model was called. */
export function renderUsage(summary: Pick<SummaryPayload, 'usage' | 'cost'>): string {
  const { usage } = summary;
  if (usage.length === 0) return '<p class="note">No language model was called for this job.</p>';
  const rows = usage
    .map(
      (entry) =>
        `<tr><td class="mono">${escapeHtml(entry.model)}</td><td class="num">${formatCount(entry.requests)}</td><td class="num">${formatCount(entry.input_tokens)}</td><td class="num">${formatCount(entry.output_tokens)}</td><td class="num">${escapeHtml(entry.cost_usd === undefined ? '—' : formatUsd(entry.cost_usd))}</td></tr>`,
    )
    .join('');
  const table = `<div class="table-scroll"><table><thead><tr><th>Model</th><th class="num">Requests</th><th class="num">Input tokens</th><th class="num">Output tokens</th><th class="num">Cost</th></tr></thead><tbody>${rows}</tbody></table></div>`;
  return `${table}<p class="note">Cost of this job: ${escapeHtml(costLine(summary.cost))}, at on-demand list prices.</p>`;
}

/** Where prices came from, the date they are from, and whether any were stale or missing. */
export function renderPrices(prices: SummaryPayload['prices']): string {
  const asOf = prices.as_of ? `, as of ${escapeHtml(prices.as_of)}` : '';
  const day = prices.last_trading_day ? ` ${escapeHtml(prices.last_trading_day)}` : '';
  const symbols = prices.stale_symbols ?? [];
  const named =
    symbols.length > 0
      ? `, older than the last trading day${day} or undated: ${escapeHtml(symbols.join(', '))}`
      : '';
  const stale = prices.stale ? ` (stale${named})` : '';
  const missing = prices.missing.length > 0 ? `; missing: ${escapeHtml(prices.missing.join(', '))}` : '';
  return `<p>Prices: ${escapeHtml(prices.source)}${asOf}${stale}${missing}.</p>`;
}
