import { type ChartKey, selectCharts } from '@alex/analytics';
import type { ChartsPayload } from '@alex/contracts';
import { Agent, type Model, run } from '@openai/agents-core';
import { z } from 'zod';
import { leadWith } from './focused-charts';
import { CHARTER_INSTRUCTIONS, charterTask } from './prompts';

/** What the model returns: the chart keys it picked, in order, with its titles and descriptions. */
export const ChartChoice = z.object({
  charts: z.array(z.object({ key: z.string(), title: z.string(), description: z.string() })),
});

/**
 * Asks the model to choose, order and describe computed charts; throws when its choice is invalid. The
 * focused charts (those that answer the person's question) lead, whatever the model chose.
 */
export async function chooseCharts(
  model: Model,
  computed: ChartsPayload,
  focus: readonly ChartKey[] = [],
): Promise<ChartsPayload> {
  const agent = new Agent({
    name: 'Chart Maker',
    instructions: CHARTER_INSTRUCTIONS,
    model,
    outputType: ChartChoice,
  });
  const result = await run(agent, charterTask(computed, focus), { maxTurns: 3 });
  const selection = selectCharts(computed, result.finalOutput);
  if (!selection.ok) throw new Error(selection.error);
  return leadWith(selection.value, focus, computed);
}
