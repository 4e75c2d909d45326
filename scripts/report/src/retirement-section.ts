import { formatDollars } from '@alex/analytics';
import type { RetirementPayload, RetirementSimulationSummary } from '@alex/contracts';
import { renderAssumptions } from './assumptions-list';
import { escapeHtml } from './escape-html';
import { renderFanChart } from './fan-chart';
import type { ParsedPayload } from './job-view';
import { renderMarkdown } from './markdown';
import { formatCount, formatPercent, notAvailable } from './page-format';

/** The depletion curve at every fifth age and the last age: where the table samples it. */
function depletionMilestones(
  points: RetirementSimulationSummary['depletion_by_age'],
): RetirementSimulationSummary['depletion_by_age'] {
  return points.filter((point, index) => point.age % 5 === 0 || index === points.length - 1);
}

function stats(simulation: RetirementSimulationSummary): string {
  const [low, high] = simulation.success_rate_ci95;
  const stat = (value: string, label: string) =>
    `<div class="stat"><div class="value">${value}</div><div class="label">${label}</div></div>`;
  return `<div class="stats">${[
    stat(
      formatPercent(simulation.success_rate),
      `success rate (95% CI ${formatPercent(low)} – ${formatPercent(high)})`,
    ),
    stat(escapeHtml(formatDollars(simulation.median_at_retirement)), 'median real wealth at retirement'),
    stat(formatCount(simulation.paths), `simulated paths (seed ${simulation.seed})`),
  ].join('')}</div>`;
}

/** "Age", or "Year from now" for a projection made without the person's age. */
function pointLabel(simulation: RetirementSimulationSummary): string {
  return simulation.horizon?.basis === 'years_from_now' ? 'Year from now' : 'Age';
}

function depletionTable(simulation: RetirementSimulationSummary): string {
  const rows = depletionMilestones(simulation.depletion_by_age)
    .map(
      (point) =>
        `<tr><td class="num">${point.age}</td><td class="num">${formatPercent(point.probability)}</td></tr>`,
    )
    .join('');
  if (rows === '') return '<p class="note">No depletion curve was stored.</p>';
  return `<table><thead><tr><th class="num">${pointLabel(simulation)}</th><th class="num">Chance money has run out</th></tr></thead><tbody>${rows}</tbody></table>`;
}

const FAN_LEGEND = [
  '<div class="fan-legend">',
  '<span><span class="swatch" style="background:#cfe0f1"></span>10th–90th percentile</span>',
  '<span><span class="swatch" style="background:#8fb6dc"></span>25th–75th percentile</span>',
  '<span><span class="swatch" style="background:#1f4e79"></span>median</span>',
  '</div>',
].join('');

function simulationDetails(simulation: RetirementSimulationSummary): string {
  // Depletion starts at the first withdrawal year, which marks retirement on the fan chart.
  const withdrawalAge = simulation.depletion_by_age[0]?.age;
  const assumed = simulation.horizon?.assumption;
  return [
    ...(assumed ? [`<p class="note">Assumed: ${escapeHtml(assumed)}</p>`] : []),
    stats(simulation),
    '<figure class="chart"><h3>Projected wealth in today\'s dollars</h3>',
    renderFanChart(simulation.bands, withdrawalAge),
    FAN_LEGEND,
    `<figcaption>Real wealth (after inflation) at the start of each year across the simulated paths, by ${pointLabel(simulation).toLowerCase()}; the shading is the spread of outcomes, the line the median.</figcaption></figure>`,
    '<div class="columns">',
    `<div><h3>Depletion by ${pointLabel(simulation).toLowerCase()}</h3>${depletionTable(simulation)}</div>`,
    `<div><h3>Key assumptions</h3>${renderAssumptions(simulation.assumptions)}</div>`,
    '</div>',
  ].join('\n');
}

/** The retirement section: success rate with its interval, fan chart, depletion table, assumptions and the analysis. */
export function renderRetirementSection(retirement: ParsedPayload<RetirementPayload>): string {
  const body = retirement.ok
    ? [
        simulationDetails(retirement.value.simulation),
        `<div class="report">${renderMarkdown(retirement.value.analysis, { headingOffset: 2 })}</div>`,
        `<p class="note">Analysis model: ${escapeHtml(retirement.value.model)}.</p>`,
      ].join('\n')
    : notAvailable('Retirement analysis', retirement.reason);
  return `<section id="retirement"><h2>Retirement</h2>\n${body}\n</section>`;
}
