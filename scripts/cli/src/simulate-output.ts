import {
  formatDollars,
  type ParsedRetirementInput,
  type RetirementHorizon,
  type RetirementSimulation,
  type SolveAnswer,
} from '@alex/analytics';

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
const when = (horizon: RetirementHorizon, point: number) =>
  horizon.basis === 'age' ? `age ${point}` : `year ${point} from now`;

/** The human-readable lines of `alex simulate`. */
export function describeProjection(
  userId: string,
  simulation: RetirementSimulation,
  horizon: RetirementHorizon,
  ms: number,
): string {
  const { plan, spending } = simulation;
  const interval = simulation.success_rate_ci95
    ? ` (simulation noise ${pct(simulation.success_rate_ci95[0])}-${pct(simulation.success_rate_ci95[1])})`
    : ' (overlapping historical windows: no sampling interval)';
  return [
    ...(horizon.assumption ? [`assumed: ${horizon.assumption}`] : []),
    `${userId}: money lasts to ${when(horizon, plan.end_age)} in ${pct(simulation.success_rate)} of ${simulation.paths} ${simulation.method} paths${interval}`,
    `strategy ${plan.strategy.kind}: ${formatDollars(plan.target_income)}/yr target met every year in ${pct(simulation.target_met_rate)}; spending p10/p50/p90 ${formatDollars(spending.annual.p10)} / ${formatDollars(spending.annual.p50)} / ${formatDollars(spending.annual.p90)}; leanest year median ${formatDollars(spending.lowest_year.p50)}`,
    `median at retirement (today's dollars): ${formatDollars(simulation.median_at_retirement)}; fees ${((plan.fees.expense_ratio + plan.fees.advisory_fee) * 100).toFixed(2)}%/yr; seed ${simulation.seed}; ${ms} ms`,
  ].join('\n');
}

/** The human-readable line of `alex simulate --solve`. */
export function describeSolve(
  userId: string,
  answer: SolveAnswer,
  input: ParsedRetirementInput,
  horizon: RetirementHorizon,
  ms: number,
): string {
  const at = `at ${pct(answer.confidence)} confidence`;
  if (answer.value === null)
    return `${userId}: no ${answer.target.replace('_', ' ')} ${at}: ${answer.note} (${ms} ms)`;
  const value = {
    income: () =>
      `sustainable income ${at}: ${formatDollars(answer.value ?? 0)} a year (target ${formatDollars(input.targetIncome)})`,
    contribution: () =>
      `saving needed for ${formatDollars(input.targetIncome)} a year ${at}: ${formatDollars(answer.value ?? 0)} a year (now ${formatDollars(input.annualContribution)})`,
    retirement_age: () =>
      `earliest retirement for ${formatDollars(input.targetIncome)} a year ${at}: ${when(horizon, answer.value ?? 0)} (planned ${when(horizon, input.retirementAge)})`,
  }[answer.target]();
  return `${userId}: ${value}; ${input.method} method, ${input.paths} paths, seed ${input.seed}; ${ms} ms`;
}
