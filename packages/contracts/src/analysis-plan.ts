import { z } from 'zod';
import { SpecialistName } from './agents';
import { storedText } from './column-limits';

/** Longest question a person may ask with an analysis, in characters. */
export const MAX_QUESTION_LENGTH = 500;

/**
 * The person's question, stored in `request_payload.options.question`. It is the user's own text: it reaches
 * a model only quoted (see `quoteUntrusted`), never as instructions.
 */
export const AnalysisQuestion = storedText(MAX_QUESTION_LENGTH, { minChars: 1 });

/** What a job's request may carry; other keys are kept as given and ignored. */
export const AnalysisOptions = z.looseObject({ question: AnalysisQuestion.optional() });
export type AnalysisOptions = z.infer<typeof AnalysisOptions>;

/** Most retirement scenarios one plan may ask for beside the baseline. */
export const MAX_SCENARIOS = 3;

/** Largest yearly amount a scenario may test. */
export const MAX_SCENARIO_AMOUNT = 10_000_000;

/**
 * One what-if the retirement specialist runs beside the baseline: any of a retirement age, a yearly spending
 * target and a yearly saving, each replacing the person's own figure. Ranges against the person's age are
 * checked by the planner's rules.
 */
export const RetirementScenario = z
  .strictObject({
    retirement_age: z.number().int().min(1).max(120).optional(),
    target_income: z.number().min(0).max(MAX_SCENARIO_AMOUNT).optional(),
    annual_contribution: z.number().min(0).max(MAX_SCENARIO_AMOUNT).optional(),
  })
  .refine((scenario) => Object.keys(scenario).length > 0, { message: 'a scenario must change something' });
export type RetirementScenario = z.infer<typeof RetirementScenario>;

/**
 * What a specialist should emphasise for this job: the question (quoted data), a short note, retirement
 * scenarios (retirement only) and charts to lead with (charter only).
 */
export const StepFocus = z.strictObject({
  question: AnalysisQuestion.optional(),
  emphasis: storedText(300).optional(),
  scenarios: z.array(RetirementScenario).max(MAX_SCENARIOS).optional(),
  charts: z.array(z.string().min(1).max(40)).max(8).optional(),
});
export type StepFocus = z.infer<typeof StepFocus>;

/** One step of a plan: which specialist, in which stage (steps of one stage run in parallel), and why. */
export const PlanStep = z.strictObject({
  agent: SpecialistName,
  stage: z.number().int().min(1).max(3),
  focus: StepFocus,
  rationale: storedText(300, { minChars: 1 }),
  confidence: z.number().min(0).max(1),
});
export type PlanStep = z.infer<typeof PlanStep>;

/** A validated plan: at most one step per specialist, stages run in order. */
export const AnalysisPlan = z.strictObject({
  steps: z.array(PlanStep).min(1).max(SpecialistName.options.length),
  confidence: z.number().min(0).max(1),
});
export type AnalysisPlan = z.infer<typeof AnalysisPlan>;

/** Where the plan that ran came from. */
export const PlanOrigin = z.enum(['model', 'model_retry', 'rules']);
export type PlanOrigin = z.infer<typeof PlanOrigin>;

/** A difference between the plan and what ran, and why. */
export const PlanDeviation = z.object({
  agent: SpecialistName,
  kind: z.enum(['added', 'dropped', 'adjusted', 'failed']),
  reason: z.string().max(500),
});
export type PlanDeviation = z.infer<typeof PlanDeviation>;
