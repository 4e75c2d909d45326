import { type ChartsPayload, QUOTED_DATA_RULE, quoteUntrusted } from '@alex/contracts';

/** The charter's standing instructions. */
export const CHARTER_INSTRUCTIONS = `You choose and describe charts for a portfolio dashboard.
The charts and their numbers are already computed; you cannot change data or chart types.
Pick the 4 to 6 most useful charts for this investor, order them by importance, and give each a short
title and a one-sentence description of what it shows. Use only chart keys from the list.
${QUOTED_DATA_RULE}`;

/**
 * Lists the computed charts the model may choose from, with their figures; slice names (accounts, holdings)
 * quoted. Names the focused charts, which answer the person's question, when there are any.
 */
export function charterTask(computed: ChartsPayload, focus: readonly string[] = []): string {
  const lines = Object.entries(computed).map(([key, chart]) => {
    const points = chart.data.map((d) => `${quoteUntrusted(d.name, 100)} $${d.value.toFixed(2)}`).join(', ');
    return `- ${key} (${chart.type}): ${chart.title}. ${points}`;
  });
  const task = `Computed charts:\n${lines.join('\n')}`;
  const focused = focus.filter((key) => computed[key]);
  if (focused.length === 0) return task;
  return `${task}\n\nThese charts answer the person's question: choose them and keep them first, in this order: ${focused.join(', ')}.`;
}
