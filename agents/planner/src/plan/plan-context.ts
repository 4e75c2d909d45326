import type { Portfolio, SpecialistName } from '@alex/contracts';
import { DEFAULT_END_AGE } from '@alex/contracts';
import { type PlanRule, planRules } from '../plan-rules';
import { type QuestionIntent, questionIntent } from './question-intent';

/** Everything a plan is made from and checked against. */
export interface PlanContext {
  rules: PlanRule[];
  /** The person's question, cleaned; undefined for the full analysis. */
  question: string | undefined;
  intent: QuestionIntent;
  /** Ages a retirement scenario may name: from now to the plan's end; null when the age is unknown. */
  ageRange: { from: number; to: number } | null;
  /** Facts about the portfolio the planner's model may read (no names, no amounts beyond these). */
  facts: { accounts: number; positions: number; yearsToRetirement: number | null; currentAge: number | null };
}

/** The specialists the rules allow for this portfolio. */
export function applicable(context: PlanContext): SpecialistName[] {
  return context.rules.filter((rule) => rule.required).map((rule) => rule.specialist);
}

/** Builds the plan context for a portfolio and an optional question. */
export function planContext(portfolio: Portfolio, question: string | undefined): PlanContext {
  const { currentAge, yearsUntilRetirement, annualContribution, endAge } = portfolio.user;
  const retirementAge =
    currentAge !== null && yearsUntilRetirement !== null ? currentAge + yearsUntilRetirement : null;
  const positions = portfolio.accounts.reduce((count, account) => count + account.positions.length, 0);
  return {
    rules: planRules(portfolio),
    question,
    intent: questionIntent(question, {
      currentAge,
      retirementAge,
      annualContribution: annualContribution ?? 0,
    }),
    ageRange: currentAge === null ? null : { from: currentAge, to: endAge ?? DEFAULT_END_AGE },
    facts: {
      accounts: portfolio.accounts.length,
      positions,
      yearsToRetirement: yearsUntilRetirement,
      currentAge,
    },
  };
}
