import { type JsonObject, RetirementPayload } from '@alex/contracts';
import type { Repositories } from '@alex/database';

const spending = { p10: 40_000, p50: 60_000, p90: 60_000 };

/** A retirement analysis as the retirement agent stores it for test_user_001, with one what-if beside the plan. */
export const storedRetirement = RetirementPayload.parse({
  analysis: 'Retiring at 65 on these savings is unlikely to last.',
  generated_at: '2026-11-30T09:00:00.000Z',
  agent: 'retirement',
  model: 'offline',
  simulation: {
    method: 'parametric',
    paths: 1000,
    seed: 42,
    assumptions: null,
    plan: { retirement_age: 65, target_income: 60_000, annual_contribution: 10_000 },
    success_rate: 0.0417,
    success_rate_ci95: [0.03, 0.055],
    bands: [],
    depletion_by_age: [],
    median_at_retirement: 812_345.67,
    horizon: { basis: 'age', start: 40, retirement: 65, end: 95, assumption: null },
    solves: [
      { target: 'income', confidence: 0.9, value: 31_250, achieved: 0.9, note: null },
      { target: 'retirement_age', confidence: 0.9, value: 86, achieved: 0.9, note: null },
    ],
  },
  scenarios: [
    {
      parameters: { retirement_age: 60 },
      success_rate: 0.1234,
      target_met_rate: 0.1102,
      median_at_retirement: 650_000,
      spending: { annual: spending, lowest_year: spending },
    },
  ],
});

/** Stores {@link storedRetirement} on a running job, as the retirement agent does before the reporter runs. */
export function saveStoredRetirement(repos: Repositories, jobId: string): Promise<boolean> {
  return repos.jobs.savePayload(jobId, 'retirement_payload', storedRetirement as unknown as JsonObject);
}
