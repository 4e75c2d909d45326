import { formatDollars } from '@alex/analytics';
import type { Chart, ChartsPayload, RetirementPayload } from '@alex/contracts';
import type { JobPayloads } from './job-view';
import { formatPercent, formatWholeDollars } from './page-format';
import { readPlan } from './simulated-plan';

/** The most observations the headline shows. */
const MAX_OBSERVATIONS = 3;

// Chart keys are the charter's (`CHART_KEYS` in @alex/analytics): a model may retitle and reorder charts, never rekey them.
const REST_OF_HOLDINGS = 'All other holdings';

const sum = (chart: Chart | undefined) =>
  chart === undefined ? null : chart.data.reduce((total, datum) => total + datum.value, 0);

const datum = (chart: Chart | undefined, name: string) => chart?.data.find((entry) => entry.name === name);

/**
 * The portfolio's total value: the charts that cover the whole portfolio (cash and invested, then accounts),
 * else the starting value the retirement plan simulated, else the asset-class chart; null when none is stored.
 */
export function totalValue(payloads: JobPayloads): number | null {
  const charts = payloads.charts.ok ? payloads.charts.value : {};
  const plan = payloads.retirement.ok ? readPlan(payloads.retirement.value.simulation.plan) : null;
  return (
    sum(charts.cash_vs_invested) ??
    sum(charts.account_breakdown) ??
    plan?.start_value ??
    sum(charts.asset_allocation)
  );
}

function retirementGap(retirement: RetirementPayload): string | null {
  const solved = retirement.simulation.solves?.find((figure) => figure.target === 'income');
  const plan = readPlan(retirement.simulation.plan);
  if (!solved || solved.value === null || !plan || plan.target_income <= 0) return null;
  const confidence = `${Math.round(solved.confidence * 1000) / 10}%`;
  const supports = `At ${confidence} confidence the plan supports ${formatWholeDollars(solved.value)} a year`;
  const gap = plan.target_income - solved.value;
  if (gap > 0)
    return `${supports}: ${formatWholeDollars(gap)} short of the ${formatWholeDollars(plan.target_income)} target.`;
  return `${supports}, at or above the ${formatWholeDollars(plan.target_income)} target.`;
}

function largestHolding(charts: ChartsPayload, total: number | null): string | null {
  const holdings = (charts.top_holdings?.data ?? []).filter((entry) => entry.name !== REST_OF_HOLDINGS);
  const largest = holdings.reduce<(typeof holdings)[number] | undefined>(
    (best, entry) => (best === undefined || entry.value > best.value ? entry : best),
    undefined,
  );
  if (!largest || largest.value <= 0) return null;
  const share =
    total !== null && total > 0 ? `, ${formatPercent(largest.value / total)} of the portfolio` : '';
  return `The largest holding is ${largest.name}: ${formatDollars(largest.value)}${share}.`;
}

function cashShare(charts: ChartsPayload, total: number | null): string | null {
  const cash = datum(charts.cash_vs_invested, 'Cash') ?? datum(charts.asset_allocation, 'Cash');
  if (!cash || cash.value <= 0 || total === null || total <= 0) return null;
  return `Cash is ${formatPercent(cash.value / total)} of the portfolio (${formatDollars(cash.value)}).`;
}

/** The largest drift from the person's targets; the charter draws drift charts only against targets that exist. */
function largestDrift(charts: ChartsPayload): string | null {
  const chart = charts.target_drift ?? charts.region_drift;
  const largest = chart?.data.reduce((best, entry) =>
    Math.abs(entry.value) > Math.abs(best.value) ? entry : best,
  );
  if (!largest || Math.round(largest.value) === 0) return null;
  const side = largest.value > 0 ? 'above' : 'below';
  return `${largest.name} is ${formatDollars(Math.abs(largest.value))} ${side} its target.`;
}

/**
 * The two or three observations that matter, computed by rule from the payloads, most important first: the
 * retirement income gap, the largest holding, the cash share, the largest drift from the person's targets.
 */
export function portfolioObservations(payloads: JobPayloads): string[] {
  const charts = payloads.charts.ok ? payloads.charts.value : {};
  const total = totalValue(payloads);
  const found = [
    payloads.retirement.ok ? retirementGap(payloads.retirement.value) : null,
    largestHolding(charts, total),
    cashShare(charts, total),
    largestDrift(charts),
  ];
  return found.filter((text): text is string => text !== null).slice(0, MAX_OBSERVATIONS);
}
