import { type ChartKey, isChartKey } from '@alex/analytics';
import type { ChartsPayload, JobEvent } from '@alex/contracts';

/**
 * The charts the plan says answer the question, in its order: known chart keys only (the plan's were checked,
 * but a direct call's are not), each once.
 */
export function focusedCharts(event: JobEvent): ChartKey[] {
  const keys = (event.focus?.charts ?? []).filter(isChartKey);
  return keys.filter((key, at) => keys.indexOf(key) === at);
}

/**
 * Puts the focused charts first, in the focus's order, then the rest in their own order. With `computed`,
 * a focused chart missing from `charts` is taken from it, so a model's choice cannot leave one out.
 */
export function leadWith(
  charts: ChartsPayload,
  focus: readonly ChartKey[],
  computed: ChartsPayload = charts,
): ChartsPayload {
  const led: ChartsPayload = {};
  for (const key of focus) {
    const chart = charts[key] ?? computed[key];
    if (chart) led[key] = chart;
  }
  for (const [key, chart] of Object.entries(charts)) if (!led[key]) led[key] = chart;
  return led;
}
