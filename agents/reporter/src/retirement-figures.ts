import { formatDollars, scenarioLabel } from '@alex/analytics';
import type { RetirementPayload, RetirementScenarioResult, SolvedFigure } from '@alex/contracts';
import { z } from 'zod';

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

// The baseline inputs the retirement agent stores in `simulation.plan`; a payload without them still reads.
const SimulatedInputs = z.looseObject({
  retirement_age: z.number().optional(),
  target_income: z.number().optional(),
  annual_contribution: z.number().optional(),
});
type Parameters = RetirementScenarioResult['parameters'];

/** "age 65" or "year 25 from now": payloads written before horizons were recorded always counted ages. */
function whenLabel(payload: RetirementPayload, point: number): string {
  return payload.simulation.horizon?.basis === 'years_from_now' ? `year ${point} from now` : `age ${point}`;
}

/** What a set of parameters says, in words: "retiring at age 60, spending $50,000.00 a year". */
function describe(payload: RetirementPayload, parameters: Parameters): string {
  return scenarioLabel(parameters, (point) => whenLabel(payload, point));
}

/** The plan's own figures for the parameters a scenario changes (those the payload recorded). */
function baselineFor(payload: RetirementPayload, changed: Parameters): Parameters {
  const plan = SimulatedInputs.safeParse(payload.simulation.plan ?? {});
  const inputs = plan.success ? plan.data : {};
  const retirementAge = inputs.retirement_age ?? payload.simulation.horizon?.retirement;
  return {
    ...(changed.retirement_age !== undefined && retirementAge !== undefined
      ? { retirement_age: retirementAge }
      : {}),
    ...(changed.target_income !== undefined && inputs.target_income !== undefined
      ? { target_income: inputs.target_income }
      : {}),
    ...(changed.annual_contribution !== undefined && inputs.annual_contribution !== undefined
      ? { annual_contribution: inputs.annual_contribution }
      : {}),
  };
}

function scenarioLine(payload: RetirementPayload, scenario: RetirementScenarioResult): string {
  const label = describe(payload, scenario.parameters);
  const plan = describe(payload, baselineFor(payload, scenario.parameters));
  const { simulation } = payload;
  return `${label.charAt(0).toUpperCase()}${label.slice(1)}: the money lasts in ${pct(scenario.success_rate)} of simulated markets, against ${pct(simulation.success_rate)} with your plan${plan ? ` (${plan})` : ''}; the target is met every year in ${pct(scenario.target_met_rate)}; median wealth at retirement ${formatDollars(scenario.median_at_retirement)} against ${formatDollars(simulation.median_at_retirement)}.`;
}

function solveLine(payload: RetirementPayload, solve: SolvedFigure): string {
  const at = `at ${pct(solve.confidence)} confidence`;
  const missing = solve.note ?? 'nothing in range gets there';
  if (solve.target === 'income')
    return `Sustainable income ${at}: ${solve.value === null ? missing : `${formatDollars(solve.value)} a year`}.`;
  if (solve.target === 'contribution')
    return `Saving needed for the target ${at}: ${solve.value === null ? missing : `${formatDollars(solve.value)} a year`}.`;
  return `Earliest retirement for the target ${at}: ${solve.value === null ? missing : whenLabel(payload, solve.value)}.`;
}

/**
 * The retirement figures that bear on a question, one sentence each: the plan's success rate, every
 * scenario against it, and the solved income, saving and age. Computed by the retirement agent; copied here.
 */
export function retirementFigures(payload: RetirementPayload): {
  baseline: string;
  scenarios: string[];
  solves: string[];
} {
  const { simulation } = payload;
  const plan = SimulatedInputs.safeParse(simulation.plan ?? {});
  const inputs = plan.success ? plan.data : {};
  const planLabel = describe(payload, {
    ...(inputs.retirement_age !== undefined ? { retirement_age: inputs.retirement_age } : {}),
    ...(inputs.target_income !== undefined ? { target_income: inputs.target_income } : {}),
    ...(inputs.annual_contribution !== undefined ? { annual_contribution: inputs.annual_contribution } : {}),
  });
  const baseline = `Your plan${planLabel ? ` (${planLabel})` : ''}: the money lasts in ${pct(simulation.success_rate)} of simulated markets; median wealth at retirement ${formatDollars(simulation.median_at_retirement)}.`;
  return {
    baseline,
    scenarios: (payload.scenarios ?? []).map((scenario) => scenarioLine(payload, scenario)),
    solves: (simulation.solves ?? []).map((solve) => solveLine(payload, solve)),
  };
}

/** The retirement figures as a facts section for the model. */
export function retirementFactsSection(payload: RetirementPayload): string {
  const { baseline, scenarios, solves } = retirementFigures(payload);
  return [
    '### Retirement simulation (computed for this job; what-ifs on the same simulated markets)',
    ...[baseline, ...scenarios, ...solves].map((line) => `- ${line}`),
  ].join('\n');
}
