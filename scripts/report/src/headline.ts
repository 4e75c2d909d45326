import { formatDollars } from '@alex/analytics';
import type { RetirementSimulationSummary } from '@alex/contracts';
import { escapeHtml } from './escape-html';
import type { JobPayloads } from './job-view';
import { renderMarkdown } from './markdown';
import { formatPercent, formatWholeDollars } from './page-format';
import { portfolioObservations, totalValue } from './portfolio-observations';

function stat(value: string, label: string, extra = ''): string {
  return `<div class="stat"><div class="value">${value}</div><div class="label">${label}</div>${extra}</div>`;
}

function successStat(simulation: RetirementSimulationSummary): string {
  const range = simulation.success_range;
  const extra = range
    ? `<div class="caveat">${formatPercent(range[0])} – ${formatPercent(range[1])} across methods and fees</div>`
    : '';
  return stat(formatPercent(simulation.success_rate), 'retirement success rate', extra);
}

function incomeStat(simulation: RetirementSimulationSummary): string {
  const solved = simulation.solves?.find((figure) => figure.target === 'income');
  if (!solved) return '';
  const confidence = `${Math.round(solved.confidence * 1000) / 10}%`;
  if (solved.value === null)
    return stat(
      '—',
      `income at ${confidence} confidence`,
      `<div class="caveat">${escapeHtml(solved.note ?? 'no income in range gets there')}</div>`,
    );
  return stat(`${formatWholeDollars(solved.value)}`, `a year of income at ${confidence} confidence`);
}

function headlineStats(payloads: JobPayloads): string {
  const total = totalValue(payloads);
  const simulation = payloads.retirement.ok ? payloads.retirement.value.simulation : null;
  const stats = [
    total === null ? '' : stat(escapeHtml(formatDollars(total)), 'total value'),
    simulation ? successStat(simulation) : '',
    simulation ? incomeStat(simulation) : '',
  ].join('');
  return stats === '' ? '' : `<div class="stats">${stats}</div>`;
}

/** The person's question and the report's answer to it, when the job had a question. */
function questionSection(question: string | null, answer: string | null): string {
  if (answer !== null) {
    // The reporter quotes the question inside its own section, so the section is shown as written.
    return `<section id="question"><h2>Your question</h2>\n<div class="report">${renderMarkdown(answer, { headingOffset: 2 })}</div>\n</section>`;
  }
  if (question === null) return '';
  return `<section id="question"><h2>Your question</h2>\n<blockquote>“${escapeHtml(question)}”</blockquote>\n<p class="note">The report has no section answering it.</p>\n</section>`;
}

/** What the run left out (its gaps) and the defaults it used (its assumptions), from the summary, in plain words. */
function gapsAndAssumptions(payloads: JobPayloads): string {
  if (!payloads.summary.ok) return '';
  const { gaps, assumptions } = payloads.summary.value;
  const list = (heading: string, items: readonly string[]) =>
    items.length === 0
      ? ''
      : `<h3>${heading}</h3><ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
  const body = [
    list(
      'Left out',
      gaps.map((gap) => gap.detail),
    ),
    list('Assumed', assumptions),
  ].join('');
  return body === ''
    ? ''
    : `<section id="gaps"><h2>What this analysis leaves out or assumes</h2>${body}</section>`;
}

function observationList(payloads: JobPayloads): string {
  const observations = portfolioObservations(payloads);
  if (observations.length === 0) return '';
  const items = observations.map((text) => `<li>${escapeHtml(text)}</li>`).join('');
  return `<section id="observations"><h2>What stands out</h2><ul class="observations">${items}</ul></section>`;
}

/**
 * The top of the page, before the report: total value, retirement success (with its range across methods) and
 * the income solved for, then what the run left out or assumed, the question and its answer, and the
 * observations computed from the payloads.
 */
export function renderHeadline(payloads: JobPayloads, answer: string | null): string {
  const question = payloads.summary.ok ? (payloads.summary.value.plan.question ?? null) : null;
  const stats = headlineStats(payloads);
  return [
    stats === '' ? '' : `<section id="headline">${stats}</section>`,
    gapsAndAssumptions(payloads),
    questionSection(question, answer),
    observationList(payloads),
  ]
    .filter((part) => part !== '')
    .join('\n');
}
