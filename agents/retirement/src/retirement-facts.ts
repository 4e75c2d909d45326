import { formatDollars, type RetirementInput, type RetirementSimulation } from '@alex/analytics';

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The simulation's numbers as markdown facts: what the model writes from and the offline analysis shows. */
export function retirementFacts(
  input: RetirementInput,
  simulation: RetirementSimulation,
  excluded: number,
): string {
  const retirementBand = simulation.bands.find((band) => band.age === input.retirementAge);
  const at = (age: number) => simulation.depletion_by_age.find((point) => point.age === age)?.probability;
  const milestones = [input.retirementAge + 10, input.retirementAge + 20, 95]
    .filter((age, i, all) => age <= 95 && all.indexOf(age) === i)
    .map((age) => `- Probability of having run out by age ${age}: ${pct(at(age) ?? 0)}`);
  return [
    `- Simulated: ${simulation.paths.toLocaleString('en-US')} paths (seed ${simulation.seed}), from age ${input.currentAge} to 95, in today's dollars.`,
    `- Starting value simulated: ${formatDollars(input.startValue)}${excluded > 0 ? ` (${formatDollars(excluded)} of unpriced or unclassified holdings left out)` : ''}.`,
    `- Contributions: ${formatDollars(input.annualContribution)} a year until age ${input.retirementAge}, rising with inflation.`,
    `- Withdrawals: ${formatDollars(input.targetIncome)} a year in today's dollars from age ${input.retirementAge} to 95.`,
    `- Success rate (money lasts to 95): ${pct(simulation.success_rate)} (95% interval ${pct(simulation.success_rate_ci95[0])} to ${pct(simulation.success_rate_ci95[1])}).`,
    `- Median wealth at retirement: ${formatDollars(simulation.median_at_retirement)}${retirementBand ? ` (10th-90th percentile ${formatDollars(retirementBand.p10)} to ${formatDollars(retirementBand.p90)})` : ''}.`,
    ...milestones,
  ].join('\n');
}

/** The retirement analysis written without a model: the facts and what they mean, by rule. */
export function offlineRetirementAnalysis(facts: string, simulation: RetirementSimulation): string {
  const rate = simulation.success_rate;
  const reading =
    rate >= 0.85
      ? 'On these assumptions the plan funds the target income to 95 in most simulated markets.'
      : rate >= 0.6
        ? 'On these assumptions the plan works in many but not all simulated markets; saving more, retiring later or a lower target income would raise the success rate.'
        : 'On these assumptions the target income runs out before 95 in most simulated markets; the gap needs higher savings, a later retirement or a lower target.';
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
