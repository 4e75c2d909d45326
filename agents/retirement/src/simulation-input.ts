import {
  DEFAULT_ASSUMPTIONS,
  type PortfolioAnalytics,
  type RetirementHorizon,
  type RetirementInput,
  retirementHorizon,
  type SimulateRetirementOptions,
} from '@alex/analytics';
import type { Portfolio } from '@alex/contracts';

/** What to simulate for a user: the input, the horizon it covers, and the value left out of it. */
export interface SimulationPlan {
  value: RetirementInput;
  options: SimulateRetirementOptions;
  horizon: RetirementHorizon;
  excluded: number;
}

/**
 * The simulation input built from stored goals and computed allocations, or why it cannot be built. Without
 * an age the projection counts years from now over a stated horizon (no age is invented).
 */
export function simulationInput(
  portfolio: Portfolio,
  analytics: PortfolioAnalytics,
): ({ ok: true } & SimulationPlan) | { ok: false; error: string } {
  const { currentAge, yearsUntilRetirement, targetRetirementIncome, annualContribution } = portfolio.user;
  if (yearsUntilRetirement === null || targetRetirementIncome === null) {
    return {
      ok: false,
      error: 'retirement goals incomplete: years to retirement and a target income are needed',
    };
  }
  const horizon = retirementHorizon({ currentAge, yearsUntilRetirement });
  const covered = analytics.assetClasses.covers;
  const weights = Object.fromEntries(
    analytics.assetClasses.entries.map((entry) => [entry.key, covered > 0 ? entry.value / covered : 0]),
  );
  return {
    ok: true,
    value: {
      // Only value with a known asset class is simulated; unpriced or unclassified holdings are not guessed.
      startValue: covered,
      weights: covered > 0 ? weights : { cash: 1 },
      currentAge: horizon.start,
      retirementAge: horizon.retirement,
      annualContribution: annualContribution ?? 0,
      targetIncome: targetRetirementIncome,
    },
    options:
      horizon.end === DEFAULT_ASSUMPTIONS.end_age
        ? {}
        : { assumptions: { ...DEFAULT_ASSUMPTIONS, end_age: horizon.end } },
    horizon,
    excluded: Math.round((analytics.valuation.total - covered) * 100) / 100,
  };
}
