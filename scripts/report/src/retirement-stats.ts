import { formatDollars } from '@alex/analytics';
import type { RetirementSimulationSummary } from '@alex/contracts';
import { escapeHtml } from './escape-html';
import { formatCount, formatPercent } from './page-format';

const NO_INTERVAL = 'overlapping historical windows: no sampling interval';

function interval(ci95: RetirementSimulationSummary['success_rate_ci95']): string | null {
  return ci95 === null ? null : `95% CI ${formatPercent(ci95[0])} – ${formatPercent(ci95[1])}`;
}

/**
 * The success rate's caption. Before engine v2 the interval was the only caveat; with a range across methods
 * and fees, that range leads and the interval is labelled for what it measures.
 */
function successLabel(simulation: RetirementSimulationSummary): string {
  const ci = interval(simulation.success_rate_ci95);
  if (simulation.success_range === undefined)
    return `<div class="label">success rate (${ci ?? NO_INTERVAL})</div>`;
  const [low, high] = simulation.success_range;
  return [
    '<div class="label">success rate</div>',
    `<div class="caveat">range across methods and fees: ${formatPercent(low)} – ${formatPercent(high)}</div>`,
    `<div class="label">${ci === null ? NO_INTERVAL : `${ci}, simulation noise only`}</div>`,
  ].join('');
}

function stat(value: string, label: string): string {
  return `<div class="stat"><div class="value">${value}</div>${label}</div>`;
}

/** The headline figures: success rate with its caveats, median wealth at retirement, paths and seed. */
export function renderStats(simulation: RetirementSimulationSummary): string {
  // Historical windows are every window in the data, so no seed was used to pick them.
  const unit =
    simulation.method === 'historical' ? 'historical windows' : `simulated paths (seed ${simulation.seed})`;
  return `<div class="stats">${[
    stat(formatPercent(simulation.success_rate), successLabel(simulation)),
    stat(
      escapeHtml(formatDollars(simulation.median_at_retirement)),
      '<div class="label">median real wealth at retirement</div>',
    ),
    stat(formatCount(simulation.paths), `<div class="label">${unit}</div>`),
  ].join('')}</div>`;
}
