import {
  formatDollars,
  type RetirementHorizon,
  type RetirementInput,
  type RetirementSimulation,
} from '@alex/analytics';

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

/** "age 65" or "year 25 from now", depending on what the horizon counts. */
export function whenLabel(horizon: RetirementHorizon, point: number): string {
  return horizon.basis === 'age' ? `age ${point}` : `year ${point} from now`;
}

/** The simulation's numbers as markdown facts: what the model writes from and the offline analysis shows. */
export function retirementFacts(
  input: RetirementInput,
  simulation: RetirementSimulation,
  excluded: number,
  horizon: RetirementHorizon,
): string {
  const when = (point: number) => whenLabel(horizon, point);
  const retirementBand = simulation.bands.find((band) => band.age === horizon.retirement);
  const at = (point: number) => simulation.depletion_by_age.find((p) => p.age === point)?.probability;
  const milestones = [horizon.retirement + 10, horizon.retirement + 20, horizon.end]
    .filter((point, i, all) => point <= horizon.end && all.indexOf(point) === i)
    .map((point) => `- Probability of having run out by ${when(point)}: ${pct(at(point) ?? 0)}`);
  return [
    ...(horizon.assumption ? [`- Assumed: ${horizon.assumption}`] : []),
    `- Simulated: ${simulation.paths.toLocaleString('en-US')} paths (seed ${simulation.seed}), from ${horizon.basis === 'age' ? when(horizon.start) : 'now'} to ${when(horizon.end)}, in today's dollars.`,
    `- Starting value simulated: ${formatDollars(input.startValue)}${excluded > 0 ? ` (${formatDollars(excluded)} of unpriced or unclassified holdings left out)` : ''}.`,
    `- Contributions: ${formatDollars(input.annualContribution)} a year until ${when(horizon.retirement)}, rising with inflation.`,
    `- Withdrawals: ${formatDollars(input.targetIncome)} a year in today's dollars from ${when(horizon.retirement)} to ${when(horizon.end)}.`,
    `- Success rate (money lasts to ${when(horizon.end)}): ${pct(simulation.success_rate)} (95% interval ${pct(simulation.success_rate_ci95[0])} to ${pct(simulation.success_rate_ci95[1])}).`,
    `- Median wealth at retirement: ${formatDollars(simulation.median_at_retirement)}${retirementBand ? ` (10th-90th percentile ${formatDollars(retirementBand.p10)} to ${formatDollars(retirementBand.p90)})` : ''}.`,
    ...milestones,
  ].join('\n');
}

/** The retirement analysis written without a model: the facts and what they mean, by rule. */
export function offlineRetirementAnalysis(facts: string, simulation: RetirementSimulation): string {
  const rate = simulation.success_rate;
  const reading =
    rate >= 0.85
      ? 'On these assumptions the plan funds the target income to the end of the horizon in most simulated markets.'
      : rate >= 0.6
        ? 'On these assumptions the plan works in many but not all simulated markets; saving more, retiring later or a lower target income would raise the success rate.'
        : rate >= 0.4
          ? 'On these assumptions the target income runs out before the end of the horizon in about as many simulated markets as it lasts; saving more, retiring later or a lower target income would raise the success rate.'
          : 'On these assumptions the target income runs out before the end of the horizon in most simulated markets; the gap needs higher savings, a later retirement or a lower target.';
  return [
    '# Retirement projection',
    '',
    '> Written without a language model: the figures come from the Monte Carlo simulation; no commentary was generated.',
    '',
    '## Simulation results',
    facts,
    '',
    '## What this means',
    reading,
  ].join('\n');
}
