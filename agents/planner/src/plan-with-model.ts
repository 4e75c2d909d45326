import type { Portfolio, SpecialistName } from '@alex/contracts';
import { Agent, type Model, run, tool } from '@openai/agents-core';
import { z } from 'zod';
import type { PlanRule } from './plan-rules';
import { PLANNER_INSTRUCTIONS, plannerTask } from './prompts';
import type { SpecialistRuns } from './specialist-runs';

const TOOL_DESCRIPTIONS: Record<SpecialistName, string> = {
  reporter: 'Invoke the Report Writer agent to write the portfolio analysis.',
  charter: 'Invoke the Chart Maker agent to prepare portfolio charts.',
  retirement: 'Invoke the Retirement Specialist agent for retirement projections.',
};

/** The planner's tools: each starts its specialist (once), or explains why the rules rule it out. */
function specialistTool(
  specialist: SpecialistName,
  rules: PlanRule[],
  runs: SpecialistRuns,
  called: Set<string>,
) {
  const rule = rules.find((candidate) => candidate.specialist === specialist);
  return tool({
    name: `invoke_${specialist}`,
    description: TOOL_DESCRIPTIONS[specialist],
    parameters: z.object({}),
    async execute() {
      called.add(specialist);
      if (!rule?.required) return `Not applicable: ${rule?.reason ?? 'not needed'}.`;
      const result = await runs.start(specialist);
      return result.record.status === 'succeeded'
        ? `${specialist} completed and saved its result.`
        : `${specialist} failed: ${result.record.error ?? 'unknown error'}.`;
    },
  });
}

/**
 * Lets the model decide which specialists to call; tool calls of one turn run concurrently. Records in
 * `called` the specialists the model asked for (even ones the rules rule out), in the order asked.
 */
export async function planWithModel(
  model: Model,
  portfolio: Portfolio,
  rules: PlanRule[],
  runs: SpecialistRuns,
  called: Set<string>,
): Promise<void> {
  const agent = new Agent({
    name: 'Financial Planner',
    instructions: PLANNER_INSTRUCTIONS,
    model,
    modelSettings: { parallelToolCalls: true },
    tools: (['reporter', 'charter', 'retirement'] as const).map((name) =>
      specialistTool(name, rules, runs, called),
    ),
  });
  await run(agent, plannerTask(portfolio), { maxTurns: 6 });
}
