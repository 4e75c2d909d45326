import type { AnalysisPlan, PlanOrigin, SpecialistName } from '@alex/contracts';
import { errorMessage } from '@alex/errors';
import { type LanguageModel, runModelStep, type UsageMeter } from '@alex/llm';
import type { Logger } from '@alex/runtime';
import { Agent, type Model, ModelBehaviorError, run } from '@openai/agents-core';
import { fromModelPlan, ModelPlan } from './model-plan';
import type { PlanContext } from './plan-context';
import { PLANNER_INSTRUCTIONS, plannerTask } from './planner-prompt';
import { reporterStage, rulesPlan } from './rules-plan';
import { validatePlan } from './validate-plan';

/** The plan to run, where it came from, and what was refused on the way. */
export interface PlanResult {
  plan: AnalysisPlan;
  origin: PlanOrigin;
  /** The specialists the model's last plan named (empty when no model answered). */
  modelCalls: SpecialistName[];
  /** Why model plans were refused, or why the model could not plan; empty when its plan was taken. */
  rejected: string[];
  /** Steps the planner moved to a later stage so the reporter sees retirement's scenarios. */
  adjusted: SpecialistName[];
  latencyMs: number;
}

/** What planning needs besides the context. */
export interface PlanDeps {
  llm: LanguageModel;
  meter: UsageMeter;
  logger: Logger;
}

type Attempt =
  | { ok: true; plan: AnalysisPlan; named: SpecialistName[] }
  | { ok: false; problems: string[]; named: SpecialistName[] };

/** What to tell a model whose output is not a plan at all. */
const NOT_A_PLAN =
  'the output is not a plan of the required shape: agents are reporter, charter and retirement; every key of ' +
  'every step must be present';

async function askModel(model: Model, context: PlanContext, refusals: readonly string[]): Promise<Attempt> {
  const agent = new Agent({
    name: 'Planner',
    instructions: PLANNER_INSTRUCTIONS,
    model,
    outputType: ModelPlan,
  });
  let finalOutput: unknown;
  try {
    finalOutput = (await run(agent, plannerTask(context, refusals), { maxTurns: 2 })).finalOutput;
  } catch (error) {
    // Output that fails the schema is a refused plan (retried with the reason), not a broken model.
    if (error instanceof ModelBehaviorError && /schema|output type/i.test(error.message))
      return { ok: false, problems: [NOT_A_PLAN], named: [] };
    throw error;
  }
  const output = ModelPlan.parse(finalOutput);
  const named = output.steps.map((step) => step.agent);
  const converted = fromModelPlan(output, context.question);
  if (!converted.ok) return { ok: false, problems: converted.errors, named };
  const problems = validatePlan(converted.value, context);
  return problems.length > 0 ? { ok: false, problems, named } : { ok: true, plan: converted.value, named };
}

/** Puts the reporter after retirement whenever both are planned (see `reporterStage`). */
function ordered(plan: AnalysisPlan): { plan: AnalysisPlan; adjusted: SpecialistName[] } {
  const stage = reporterStage(plan.steps);
  const reporter = plan.steps.find((step) => step.agent === 'reporter');
  if (stage === null || !reporter || reporter.stage >= stage) return { plan, adjusted: [] };
  const steps = plan.steps.map((step) => (step.agent === 'reporter' ? { ...step, stage } : step));
  return { plan: { ...plan, steps }, adjusted: ['reporter'] };
}

/**
 * Plans a job: the model's structured plan, checked against the schema and the rules; a refused plan gets one
 * retry with the problems; then, or offline, or when the model fails, the rules' plan. Never throws.
 */
export async function createPlan(context: PlanContext, deps: PlanDeps): Promise<PlanResult> {
  const started = performance.now();
  const rejected: string[] = [];
  let modelCalls: SpecialistName[] = [];
  let origin: PlanOrigin = 'rules';
  const step = await runModelStep<AnalysisPlan | null>({
    llm: deps.llm,
    meter: deps.meter,
    step: async (model) => {
      for (const [index, kind] of (['model', 'model_retry'] as const).entries()) {
        const attempt = await askModel(model, context, rejected);
        modelCalls = attempt.named;
        if (attempt.ok) {
          origin = kind;
          return attempt.plan;
        }
        rejected.push(...attempt.problems.map((problem) => `attempt ${index + 1}: ${problem}`));
      }
      return null;
    },
    fallback: () => null,
    onFailure: (error, attempt) =>
      deps.logger.warn('planner model failed', { attempt, error: errorMessage(error) }),
  });
  if (step.fallbackReason && deps.llm.model !== null) rejected.push(step.fallbackReason);
  const chosen = ordered(step.value ?? rulesPlan(context));
  return {
    ...chosen,
    origin: step.value ? origin : 'rules',
    modelCalls,
    rejected,
    latencyMs: Math.round(performance.now() - started),
  };
}
