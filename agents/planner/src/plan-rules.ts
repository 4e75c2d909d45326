import type { Portfolio, SpecialistName } from '@alex/contracts';

/** A specialist the rules require, with the reason, or one they rule out and why. */
export interface PlanRule {
  specialist: SpecialistName;
  required: boolean;
  reason: string;
}

/** Counts positions across every account. */
export function positionCount(portfolio: Portfolio): number {
  return portfolio.accounts.reduce((count, account) => count + account.positions.length, 0);
}

/** True when the user has set what a projection needs: years to retirement, target income and current age. */
export function hasRetirementGoals(portfolio: Portfolio): boolean {
  const { yearsUntilRetirement, targetRetirementIncome, currentAge } = portfolio.user;
  return (
    yearsUntilRetirement !== null &&
    targetRetirementIncome !== null &&
    targetRetirementIncome > 0 &&
    currentAge !== null
  );
}

/**
 * The planner's rules: the reporter when there are positions, the charter with two or more, retirement
 * when retirement goals exist. The model's choices are checked against these.
 */
export function planRules(portfolio: Portfolio): PlanRule[] {
  const positions = positionCount(portfolio);
  const goals = hasRetirementGoals(portfolio);
  return [
    {
      specialist: 'reporter',
      required: positions > 0,
      reason: positions > 0 ? `${positions} positions` : 'no positions',
    },
    {
      specialist: 'charter',
      required: positions >= 2,
      reason: positions >= 2 ? `${positions} positions to chart` : 'fewer than two positions',
    },
    {
      specialist: 'retirement',
      required: goals,
      reason: goals
        ? 'retirement goals set'
        : 'retirement goals incomplete (years to retirement, target income, current age)',
    },
  ];
}
