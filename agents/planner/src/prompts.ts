import type { Portfolio } from '@alex/contracts';
import { hasRetirementGoals, positionCount } from './plan-rules';

/** The planner agent's standing instructions. */
export const PLANNER_INSTRUCTIONS = `You coordinate a team of portfolio analysis specialists.
Call the tools that apply, all in one turn when several apply:
- invoke_reporter when the portfolio has at least one position;
- invoke_charter when it has two or more positions;
- invoke_retirement when the user has retirement goals.
Use only these tools. Do not write analysis yourself. When the tools have answered, reply "Done".`;

/** The facts the planner needs, and nothing about the user beyond them. */
export function plannerTask(portfolio: Portfolio): string {
  const positions = positionCount(portfolio);
  return [
    `Accounts: ${portfolio.accounts.length}. Positions: ${positions}.`,
    `Retirement goals: ${hasRetirementGoals(portfolio) ? `yes, ${portfolio.user.yearsUntilRetirement} years to retirement` : 'none set'}.`,
    'Call the appropriate specialists.',
  ].join('\n');
}
