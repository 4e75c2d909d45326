import { formatDollars } from '../charts/chart-style';

/** The inputs a what-if may change, in the stored (snake_case) form. */
export interface ScenarioParameters {
  retirement_age?: number | undefined;
  target_income?: number | undefined;
  annual_contribution?: number | undefined;
}

/**
 * What a what-if changes, in words: "retiring at age 60, spending $50,000.00 a year". `when` names a point in
 * time ("age 60", or "year 20 from now" when the age is unknown).
 */
export function scenarioLabel(parameters: ScenarioParameters, when: (point: number) => string): string {
  return [
    parameters.retirement_age !== undefined ? `retiring at ${when(parameters.retirement_age)}` : null,
    parameters.target_income !== undefined
      ? `spending ${formatDollars(parameters.target_income)} a year`
      : null,
    parameters.annual_contribution !== undefined
      ? `saving ${formatDollars(parameters.annual_contribution)} a year`
      : null,
  ]
    .filter(Boolean)
    .join(', ');
}
