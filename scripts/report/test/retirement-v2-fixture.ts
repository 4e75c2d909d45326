import { analyseRetirement, type RetirementAnalysis, type RetirementInput } from '@alex/analytics';
import type { JobView } from '../src/job-view';
import { completeJob } from './job-fixture';

/** An other-income name a person could type, which must reach the page as text. */
export const HOSTILE_NAME = '<script>x</script>';

/**
 * A plan with other income, fees and a saving gap: 45 years old, retiring at 65, so every solve has a value.
 * Few paths keep the suite fast; the producer is the real one, so the fixture cannot drift from it.
 */
const V2_INPUT: RetirementInput = {
  startValue: 250_000,
  weights: { equity: 0.6, fixed_income: 0.3, cash: 0.1 },
  currentAge: 45,
  retirementAge: 65,
  annualContribution: 12_000,
  targetIncome: 60_000,
  otherIncome: [
    { name: HOSTILE_NAME, annualAmount: 20_000, startAge: 67 },
    { name: 'Pension', annualAmount: 5_000, startAge: 65, endAge: 85, inflationAdjusted: false },
  ],
  fees: { expenseRatio: 0.0012, advisoryFee: 0.005 },
  paths: 500,
  seed: 7,
};

/** `retirement_payload.simulation` as engine v2 writes it for `V2_INPUT` with any overrides. */
export function v2Simulation(overrides: Partial<RetirementInput> = {}): RetirementAnalysis {
  const analysed = analyseRetirement({ ...V2_INPUT, ...overrides });
  if (!analysed.ok) throw new Error(`fixture plan rejected: ${JSON.stringify(analysed.error)}`);
  return analysed.value;
}

/** The complete job with its retirement payload's simulation replaced. */
export function jobWithSimulation(simulation: unknown): JobView {
  const job = completeJob();
  return { ...job, retirement_payload: { ...(job.retirement_payload as object), simulation } };
}
