export { createPlan, type PlanDeps, type PlanResult } from './create-plan';
export { type PlanContext, planContext } from './plan-context';
export { type QuestionIntent, questionIntent } from './question-intent';
export { rulesPlan } from './rules-plan';
export { validatePlan } from './validate-plan';
