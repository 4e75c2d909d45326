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

/** True when any account holds cash. */
export function holdsCash(portfolio: Portfolio): boolean {
  return portfolio.accounts.some((account) => account.cashBalance > 0);
}

/**
 * True when the user has set what a projection needs: years to retirement and a target income. The age is
 * not needed: without it the projection runs over a stated horizon instead of ages.
 */
export function hasRetirementGoals(portfolio: Portfolio): boolean {
  const { yearsUntilRetirement, targetRetirementIncome } = portfolio.user;
  return yearsUntilRetirement !== null && targetRetirementIncome !== null && targetRetirementIncome > 0;
}

/**
 * The planner's rules: the reporter when there is anything to report on (positions or cash), the charter
 * with two or more positions, retirement when retirement goals exist. The model's choices are checked
 * against these.
 */
export function planRules(portfolio: Portfolio): PlanRule[] {
  const positions = positionCount(portfolio);
  const cash = holdsCash(portfolio);
  const goals = hasRetirementGoals(portfolio);
  return [
    {
      specialist: 'reporter',
      required: positions > 0 || cash,
      reason: positions > 0 ? `${positions} positions` : cash ? 'cash holdings' : 'no positions and no cash',
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
        : 'retirement goals incomplete (years to retirement and a target income)',
    },
  ];
}
