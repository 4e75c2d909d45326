import {
  formatDollars,
  type RetirementAnalysis,
  type RetirementHorizon,
  type ScenarioOutcome,
  scenarioLabel,
} from '@alex/analytics';
import { quoteUntrusted } from '@alex/contracts';
import type { SimulationPlan } from './simulation-input';

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
const feePct = (value: number) => `${(value * 100).toFixed(2)}%`;

const METHOD_NAMES = {
  parametric: 'parametric Monte Carlo (world-market assumptions, persistent inflation)',
  historical: 'historical rolling windows (US markets since 1871)',
  bootstrap: 'block bootstrap of US market history since 1871',
} as const;

const STRATEGY_NAMES = {
  constant_real: 'Constant real spending (the target every year, rising with inflation)',
  percent_of_portfolio: 'Percent of portfolio (4% of the balance each year)',
  guardrails: 'Guardrails (Guyton-Klinger: cut 10% or raise 10% when the withdrawal rate strays 20%)',
  vpw: 'Variable percentage withdrawal (Bogleheads VPW)',
} as const;

/** "age 65" or "year 25 from now", depending on what the horizon counts. */
export function whenLabel(horizon: RetirementHorizon, point: number): string {
  return horizon.basis === 'age' ? `age ${point}` : `year ${point} from now`;
}

/** The allocation simulated, in words. */
function allocationLine(plan: SimulationPlan): string {
  const shares = Object.entries(plan.allocation.weights)
    .filter(([, weight]) => (weight ?? 0) > 0)
    .map(([key, weight]) => `${key.replace('_', ' ')} ${pct(weight ?? 0)}`)
    .join(', ');
  const source = {
    targets: 'your target allocation',
    holdings: 'your current holdings (no target allocation set)',
    default: 'a default allocation, since there is neither a target allocation nor classified holdings',
  }[plan.allocation.source];
  return `- Allocation simulated: ${source} (${shares}), rebalanced yearly; account cash and new contributions are invested to it.`;
}

function otherIncomeLines(plan: SimulationPlan, when: (point: number) => string): string[] {
  const streams = plan.value.otherIncome ?? [];
  const lines = streams.map((stream) => {
    const until =
      stream.endAge === null || stream.endAge === undefined ? 'for life' : `through ${when(stream.endAge)}`;
    const indexed =
      stream.inflationAdjusted === false
        ? 'fixed in dollars from its start, so worth less each year after'
        : 'rising with inflation';
    return `- Other income ${quoteUntrusted(stream.name, 100)}: ${formatDollars(stream.annualAmount)} a year from ${when(stream.startAge)} ${until}, ${indexed}.`;
  });
  if (plan.otherIncomeIgnored)
    lines.push('- Other income: not counted, because it is tied to ages and your age is not set.');
  return lines;
}

function solveLines(
  analysis: RetirementAnalysis,
  plan: SimulationPlan,
  when: (point: number) => string,
): string[] {
  return analysis.solves.map((answer) => {
    const at = `${pct(answer.confidence)} confidence, spending the same real amount every year`;
    if (answer.target === 'income')
      return `- Sustainable income at ${at}: ${answer.value === null ? 'none' : `${formatDollars(answer.value)} a year`} (target ${formatDollars(plan.value.targetIncome)}).`;
    if (answer.target === 'contribution')
      return answer.value === null
        ? `- Saving needed for the target at ${at}: ${answer.note}.`
        : `- Saving needed for the target at ${at}: ${formatDollars(answer.value)} a year (now ${formatDollars(plan.value.annualContribution)}).`;
    return answer.value === null
      ? `- Earliest retirement for the target at ${at}: ${answer.note}.`
      : `- Earliest retirement for the target at ${at}: ${when(answer.value)} (planned ${when(plan.value.retirementAge)}).`;
  });
}

/** How far the methods and fees move the success rate, and whether that dwarfs simulation noise. */
function rangeLine(analysis: RetirementAnalysis): string {
  const [low, high] = analysis.success_range;
  const noise = analysis.success_rate_ci95
    ? analysis.success_rate_ci95[1] - analysis.success_rate_ci95[0]
    : 0;
  const reading = high - low > noise ? ': the assumptions matter more than simulation noise' : '';
  return `- Across methods (parametric, historical, bootstrap), with and without fees, the success rate ranges from ${pct(low)} to ${pct(high)}${reading}.`;
}

/** One strategy's line: variable strategies never run out, so what they deliver is the point. */
function strategyLine(result: RetirementAnalysis['strategies'][number]): string {
  const lasts =
    result.strategy.kind === 'percent_of_portfolio' || result.strategy.kind === 'vpw'
      ? 'never runs out by design'
      : `money lasts in ${pct(result.success_rate)}`;
  return `- ${STRATEGY_NAMES[result.strategy.kind]}: ${lasts}, target met every year in ${pct(result.target_met_rate)}; median yearly spending ${formatDollars(result.spending.annual.p50)}, median leanest year ${formatDollars(result.spending.lowest_year.p50)}.`;
}

function scenarioLines(
  scenarios: readonly ScenarioOutcome[],
  analysis: RetirementAnalysis,
  when: (point: number) => string,
): string[] {
  return scenarios.map(
    (scenario) =>
      `- What if ${scenarioLabel(scenario.parameters, when)}: money lasts in ${pct(scenario.success_rate)} of simulated markets (your plan: ${pct(analysis.success_rate)}); median wealth at retirement ${formatDollars(scenario.median_at_retirement)}.`,
  );
}

/** The analysis's numbers as markdown facts: what the model writes from and the offline analysis shows. */
export function retirementFacts(
  analysis: RetirementAnalysis,
  plan: SimulationPlan,
  scenarios: readonly ScenarioOutcome[] = [],
): string {
  const { horizon } = plan;
  const when = (point: number) => whenLabel(horizon, point);
  const retirementBand = analysis.bands.find((band) => band.age === horizon.retirement);
  const at = (point: number) => analysis.depletion_by_age.find((p) => p.age === point)?.probability;
  const milestones = [horizon.retirement + 10, horizon.retirement + 20, horizon.end]
    .filter((point, i, all) => point <= horizon.end && all.indexOf(point) === i)
    .map((point) => `- Probability of having run out by ${when(point)}: ${pct(at(point) ?? 0)}`);
  const fees = analysis.plan.fees;
  const interval = analysis.success_rate_ci95
    ? ` (simulation noise alone: ${pct(analysis.success_rate_ci95[0])} to ${pct(analysis.success_rate_ci95[1])})`
    : '';
  return [
    ...(horizon.assumption ? [`- Assumed: ${horizon.assumption}`] : []),
    `- Method: ${METHOD_NAMES[analysis.method]}, ${analysis.paths.toLocaleString('en-US')} paths (seed ${analysis.seed}), from ${horizon.basis === 'age' ? when(horizon.start) : 'now'} to ${when(horizon.end)}, in today's dollars.`,
    `- Starting value simulated: ${formatDollars(plan.value.startValue)}${plan.excluded > 0 ? ` (${formatDollars(plan.excluded)} of unpriced or unclassified holdings left out)` : ''}.`,
    allocationLine(plan),
    `- Contributions: ${formatDollars(plan.value.annualContribution)} a year until ${when(horizon.retirement)}, rising with inflation.`,
    `- Target spending: ${formatDollars(plan.value.targetIncome)} a year in today's dollars from ${when(horizon.retirement)} to ${when(horizon.end)}, other income first.`,
    ...otherIncomeLines(plan, when),
    `- Fees: ${feePct(fees.expense_ratio + fees.advisory_fee)} a year (fund expense ratios ${feePct(fees.expense_ratio)}${plan.unknownExpenseRatios.length > 0 ? `, unknown for ${plan.unknownExpenseRatios.join(', ')} and counted at the others' average` : ''}; advisory fee ${feePct(fees.advisory_fee)}).`,
    `- Success rate (target funded every year to ${when(horizon.end)}): ${pct(analysis.success_rate)}${interval}.`,
    rangeLine(analysis),
    `- Median wealth at retirement: ${formatDollars(analysis.median_at_retirement)}${retirementBand ? ` (10th-90th percentile ${formatDollars(retirementBand.p10)} to ${formatDollars(retirementBand.p90)})` : ''}.`,
    ...milestones,
    ...solveLines(analysis, plan, when),
    ...scenarioLines(scenarios, analysis, when),
    ...analysis.strategies.map(strategyLine),
  ].join('\n');
}

/** What to do, by rule, from the solved figures. */
/** A rate as the text shows it: a percent with one decimal, so words and figures are judged on the same number. */
const shown = (rate: number) => Math.round(rate * 1000);

/**
 * How the text reads a success rate, judged on the rate as shown (89.96% is shown as 90.0% and reaches a 90%
 * confidence): null when it reaches the confidence, otherwise words whose "most" and "many" hold for the figure.
 */
export function successReading(rate: number, confidence: number): string | null {
  const tenths = shown(rate);
  if (tenths >= shown(confidence)) return null;
  if (tenths > 500) return `works in more simulated markets than not, short of ${pct(confidence)}`;
  if (tenths === 500) return 'runs out in as many simulated markets as it lasts';
  return 'runs out before the end in most simulated markets';
}

function actions(
  analysis: RetirementAnalysis,
  plan: SimulationPlan,
  when: (point: number) => string,
): string {
  const rate = analysis.success_rate;
  const solved = (target: string) => analysis.solves.find((answer) => answer.target === target);
  const income = solved('income');
  const contribution = solved('contribution');
  const age = solved('retirement_age');
  const confidence = pct(income?.confidence ?? 0.9);
  const reading = successReading(rate, income?.confidence ?? 0.9);
  if (reading === null)
    return `On these assumptions the plan funds the target to ${when(plan.horizon.end)} in at least ${confidence} of simulated markets; up to ${formatDollars(income?.value ?? 0)} a year would still reach that confidence.`;
  const options = [
    income?.value !== null && income?.value !== undefined
      ? `spend ${formatDollars(income.value)} a year instead of ${formatDollars(plan.value.targetIncome)}`
      : null,
    contribution?.value !== null && contribution?.value !== undefined
      ? `save ${formatDollars(contribution.value)} a year instead of ${formatDollars(plan.value.annualContribution)}`
      : null,
    age?.value !== null && age?.value !== undefined
      ? `retire at ${when(age.value)} instead of ${when(plan.value.retirementAge)}`
      : null,
  ].filter((option): option is string => option !== null);
  return `On these assumptions the plan ${reading}. To reach ${confidence} confidence, any one of these would do: ${options.length > 0 ? options.join('; or ') : 'none of the single changes tested reaches it'}.`;
}

/** The retirement analysis written without a model: the facts and what they mean, by rule. */
export function offlineRetirementAnalysis(
  facts: string,
  analysis: RetirementAnalysis,
  plan: SimulationPlan,
): string {
  const when = (point: number) => whenLabel(plan.horizon, point);
  return [
    '# Retirement projection',
    '',
    '> Written without a language model: the figures come from the simulation; no commentary was generated.',
    '',
    '## Simulation results',
    facts,
    '',
    '## What this means',
    actions(analysis, plan, when),
    '',
    analysis.method_reason,
  ].join('\n');
}
