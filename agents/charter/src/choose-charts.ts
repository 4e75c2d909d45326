import { type ChartKey, selectCharts } from '@alex/analytics';
import type { ChartsPayload } from '@alex/contracts';
import { type AllowedFigure, factFigures, ModelTextRejectedError, unmatchedFigures } from '@alex/llm';
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
  const invented = inventedFigures(selection.value, computed);
  if (invented.length > 0)
    throw new ModelTextRejectedError(
      `chart text rejected: figures not in the charts: ${invented.join(', ')}`,
    );
  return leadWith(selection.value, focus, computed);
}

/** Figures in the model's chart titles and descriptions that the chart's own data and notes do not hold. */
function inventedFigures(chosen: ChartsPayload, computed: ChartsPayload): string[] {
  return Object.entries(chosen).flatMap(([key, chart]) => {
    const original = computed[key];
    if (!original) return [];
    const values = original.data.map((datum) => datum.value);
    const total = values.reduce((sum, value) => sum + value, 0);
    // Each slice's dollars and the chart's total as money, each slice's share as a percentage: a dollar
    // value written as a percentage ("71,545%") is no figure of the chart.
    const allowed: AllowedFigure[] = [
      ...factFigures([original.title, original.description]),
      ...[...values, total].map((value) => ({ value, kind: 'money' as const })),
      ...(total !== 0
        ? values.map((value) => ({ value: (value / total) * 100, kind: 'percent' as const }))
        : []),
    ];
    return unmatchedFigures(`${chart.title}\n${chart.description}`, allowed).map((figure) => figure.text);
  });
}
