import type { RetirementPayload, RetirementSimulationSummary } from '@alex/contracts';
import { renderAssumptions } from './assumptions-list';
import { escapeHtml } from './escape-html';
import { FAN_NARROW, renderFanChart } from './fan-chart';
import { renderHistory } from './history-list';
import type { ParsedPayload } from './job-view';
import { renderMarkdown } from './markdown';
import { formatPercent, notAvailable } from './page-format';
import { responsiveDrawing } from './responsive-drawing';
import { renderAnswers } from './retirement-answers';
import { renderStats } from './retirement-stats';
import { renderSensitivityTable } from './sensitivity-table';
import { readPlan, renderPlan, type StoredPlan } from './simulated-plan';
import { renderStrategyTable } from './strategy-table';

/** The depletion curve at every fifth age and the last age: where the table samples it. */
function depletionMilestones(
  points: RetirementSimulationSummary['depletion_by_age'],
): RetirementSimulationSummary['depletion_by_age'] {
  return points.filter((point, index) => point.age % 5 === 0 || index === points.length - 1);
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
  return `<div class="table-scroll"><table><thead><tr><th class="num">${pointLabel(simulation)}</th><th class="num">Chance money has run out</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

const FAN_LEGEND = [
  '<div class="fan-legend">',
  '<span><span class="swatch" style="background:#cfe0f1"></span>10th–90th percentile</span>',
  '<span><span class="swatch" style="background:#8fb6dc"></span>25th–75th percentile</span>',
  '<span><span class="swatch" style="background:#1f4e79"></span>median</span>',
  '</div>',
].join('');

/** Capital-market assumptions (parametric), else the historical data the markets were drawn from. */
function marketBasis(simulation: RetirementSimulationSummary): string {
  if (simulation.assumptions !== null)
    return `<h3>Key assumptions</h3>${renderAssumptions(simulation.assumptions)}`;
  return `<h3>Market history</h3>${renderHistory(simulation.history)}`;
}

/** The engine v2 blocks after the chart: strategies, sensitivity and the plan; empty for older payloads. */
function engineDetails(simulation: RetirementSimulationSummary, plan: StoredPlan | null): string[] {
  return [
    ...(simulation.strategies ? [renderStrategyTable(simulation.strategies, plan?.strategy.kind)] : []),
    ...(simulation.sensitivity ? [renderSensitivityTable(simulation.sensitivity)] : []),
    ...(plan ? [renderPlan(plan, simulation.method, simulation.method_reason)] : []),
    ...(!plan && simulation.plan !== undefined
      ? ['<p class="note">The plan simulated was stored in a shape this page does not read.</p>']
      : []),
  ];
}

function simulationDetails(simulation: RetirementSimulationSummary): string {
  // Depletion starts at the first withdrawal year, which marks retirement on the fan chart.
  const withdrawalAge = simulation.depletion_by_age[0]?.age;
  const assumed = simulation.horizon?.assumption;
  const plan = readPlan(simulation.plan);
  return [
    ...(assumed ? [`<p class="note">Assumed: ${escapeHtml(assumed)}</p>`] : []),
    renderStats(simulation),
    ...(simulation.solves ? [renderAnswers(simulation.solves, plan)] : []),
    '<figure class="chart"><h3>Projected wealth in today\'s dollars</h3>',
    simulation.bands.length === 0
      ? renderFanChart(simulation.bands)
      : responsiveDrawing(
          renderFanChart(simulation.bands, withdrawalAge),
          renderFanChart(simulation.bands, withdrawalAge, FAN_NARROW),
        ),
    FAN_LEGEND,
    `<figcaption>Real wealth (after inflation) at the start of each year across the simulated paths, by ${pointLabel(simulation).toLowerCase()}; the shading is the spread of outcomes, the line the median.</figcaption></figure>`,
    '<div class="columns">',
    `<div><h3>Depletion by ${pointLabel(simulation).toLowerCase()}</h3>${depletionTable(simulation)}</div>`,
    `<div>${marketBasis(simulation)}</div>`,
    '</div>',
    ...engineDetails(simulation, plan),
  ].join('\n');
}

/**
 * The retirement section: success rate with its caveats, what would reach the confidence, fan chart, depletion
 * table, assumptions or history, strategies, sensitivity, the plan simulated and the analysis.
 */
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
