import {
  type PortfolioAnalytics,
  portfolioExpenseRatio,
  type RetirementHorizon,
  type RetirementInput,
  retirementHorizon,
} from '@alex/analytics';
import type { Portfolio } from '@alex/contracts';
import { type SimulatedAllocation, simulatedAllocation } from './simulated-allocation';

/** What to simulate for a user: the input, the horizon it covers, and what was assumed or left out. */
export interface SimulationPlan {
  value: RetirementInput;
  horizon: RetirementHorizon;
  allocation: SimulatedAllocation;
  /** Value of unpriced or unclassified holdings, not simulated. */
  excluded: number;
  /** Holdings whose expense ratio is unknown (counted at the others' average). */
  unknownExpenseRatios: string[];
  /** Other income left out because the person's age is unknown. */
  otherIncomeIgnored: boolean;
}

/**
 * The simulation input built from stored goals and computed allocations, or why it cannot be built. Without
 * an age the projection counts years from now over a stated horizon (no age is invented), and other income,
 * which is tied to ages, cannot be placed.
 */
export function simulationInput(
  portfolio: Portfolio,
  analytics: PortfolioAnalytics,
): ({ ok: true } & SimulationPlan) | { ok: false; error: string } {
  const { user } = portfolio;
  const { currentAge, yearsUntilRetirement, targetRetirementIncome, annualContribution } = user;
  if (yearsUntilRetirement === null || targetRetirementIncome === null) {
    return {
      ok: false,
      error: 'retirement goals incomplete: years to retirement and a target income are needed',
    };
  }
  const horizon = retirementHorizon({ currentAge, yearsUntilRetirement, endAge: user.endAge });
  if (horizon.retirement > horizon.end) {
    return {
      ok: false,
      error: `retirement goals inconsistent: retiring at ${horizon.retirement} is past the plan's end age ${horizon.end}`,
    };
  }
  const allocation = simulatedAllocation(portfolio, analytics);
  const fees = portfolioExpenseRatio(portfolio, analytics);
  const otherIncome = horizon.basis === 'age' ? user.otherIncome : [];
  // Only value with a known asset class is simulated; unpriced or unclassified holdings are not guessed.
  const covered = analytics.assetClasses.covers;
  return {
    ok: true,
    value: {
      startValue: covered,
      weights: allocation.weights,
      currentAge: horizon.start,
      retirementAge: horizon.retirement,
      endAge: horizon.end,
      annualContribution: annualContribution ?? 0,
      targetIncome: targetRetirementIncome,
      otherIncome: otherIncome.map((income) => ({
        name: income.name,
        annualAmount: income.annual_amount,
        startAge: income.start_age,
        endAge: income.end_age ?? null,
        inflationAdjusted: income.inflation_adjusted,
      })),
      fees: { expenseRatio: fees.ratio, advisoryFee: user.advisoryFee ?? 0 },
    },
    horizon,
    allocation,
    excluded: Math.round((analytics.valuation.total - covered) * 100) / 100,
    unknownExpenseRatios: fees.unknown,
    otherIncomeIgnored: otherIncome.length < user.otherIncome.length,
  };
}
