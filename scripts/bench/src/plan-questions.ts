import { readFileSync } from 'node:fs';
import { RetirementScenario, SpecialistName } from '@alex/contracts';
import { z } from 'zod';

/** One labelled question: what a careful planner runs for test_user_001 (see data/README.md). */
export const PlanQuestion = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  question: z.string().min(1).nullable(),
  expected: z.strictObject({
    agents: z.array(SpecialistName).min(1),
    scenarios: z.array(RetirementScenario),
  }),
  tags: z.array(z.string().min(1)).min(1),
});
export type PlanQuestion = z.infer<typeof PlanQuestion>;

/** The labelled set: unique ids, agents listed sorted so a label reads the same everywhere. */
export const PlanQuestions = z
  .array(PlanQuestion)
  .min(40)
  .superRefine((questions, ctx) => {
    const seen = new Set<string>();
    for (const [index, entry] of questions.entries()) {
      if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: 'duplicate id' });
      seen.add(entry.id);
      const sorted = [...entry.expected.agents].sort();
      if (sorted.join() !== entry.expected.agents.join())
        ctx.addIssue({
          code: 'custom',
          path: [index, 'expected', 'agents'],
          message: 'agents must be sorted',
        });
    }
  });
export type PlanQuestions = z.infer<typeof PlanQuestions>;

// Where the labelled set lives.
const PLAN_QUESTIONS_PATH = new URL('../data/plan-questions.json', import.meta.url);

/** Reads and validates the labelled set; a malformed entry throws with its path. */
export function loadPlanQuestions(path: URL | string = PLAN_QUESTIONS_PATH): PlanQuestions {
  return PlanQuestions.parse(JSON.parse(readFileSync(path, 'utf8')));
}
