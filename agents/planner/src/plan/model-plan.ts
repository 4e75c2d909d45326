import { AnalysisPlan, SpecialistName } from '@alex/contracts';
import { issueLines } from '@alex/errors';
import { z } from 'zod';

/**
 * The plan as the model writes it: every key present (null or empty when unused), because strict structured
 * output cannot express optional keys. The question is not part of it: the planner attaches the person's own
 * question to the steps, so a model cannot rewrite it.
 */
export const ModelPlan = z.object({
  steps: z
    .array(
      z.object({
        agent: SpecialistName,
        stage: z.number().int().min(1).max(3),
        emphasis: z.string().max(300),
        scenarios: z
          .array(
            z.object({
              retirement_age: z.number().int().nullable(),
              target_income: z.number().nullable(),
              annual_contribution: z.number().nullable(),
            }),
          )
          .max(3),
        charts: z.array(z.string().max(40)).max(8),
        rationale: z.string().max(300),
        confidence: z.number().min(0).max(1),
      }),
    )
    .max(3),
  confidence: z.number().min(0).max(1),
});
export type ModelPlan = z.infer<typeof ModelPlan>;

const withoutNulls = <T extends Record<string, unknown>>(record: T) =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null));

/** The model's plan in the stored shape, with the question attached, or every schema problem in it. */
export function fromModelPlan(
  output: ModelPlan,
  question: string | undefined,
): { ok: true; value: AnalysisPlan } | { ok: false; errors: string[] } {
  const candidate = {
    confidence: output.confidence,
    steps: output.steps.map((step) => ({
      agent: step.agent,
      stage: step.stage,
      rationale: step.rationale,
      confidence: step.confidence,
      focus: {
        ...(question && step.agent !== 'charter' ? { question } : {}),
        ...(step.emphasis.trim() ? { emphasis: step.emphasis } : {}),
        ...(step.scenarios.length > 0 ? { scenarios: step.scenarios.map(withoutNulls) } : {}),
        ...(step.charts.length > 0 ? { charts: step.charts } : {}),
      },
    })),
  };
  const parsed = AnalysisPlan.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: issueLines(parsed.error, { root: 'plan' }) };
}
