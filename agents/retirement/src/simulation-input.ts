import type { PortfolioAnalytics, RetirementInput } from '@alex/analytics';
import type { Portfolio } from '@alex/contracts';

/** The simulation input built from stored goals and computed allocations, or why it cannot be built. */
export function simulationInput(
  portfolio: Portfolio,
  analytics: PortfolioAnalytics,
): { ok: true; value: RetirementInput; excluded: number } | { ok: false; error: string } {
  const { currentAge, yearsUntilRetirement, targetRetirementIncome, annualContribution } = portfolio.user;
  if (currentAge === null || yearsUntilRetirement === null || targetRetirementIncome === null) {
    return {
      ok: false,
      error: 'retirement goals incomplete: current age, years to retirement and target income are needed',
    };
  }
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
      currentAge,
      retirementAge: currentAge + yearsUntilRetirement,
      annualContribution: annualContribution ?? 0,
      targetIncome: targetRetirementIncome,
    },
    excluded: Math.round((analytics.valuation.total - covered) * 100) / 100,
  };
}
