import { Chart, ChartsPayload } from '@alex/contracts';
import { formatIssues } from '@alex/errors';
import { CHART_CATALOG, isChartKey } from './chart-catalog';

/** The most charts a model may choose. */
export const MAX_CHOSEN_CHARTS = 8;

/**
 * One chart a model chose, with its own title and description. Built from the Chart contract's fields, which
 * also bound their length (title 1..120, description ..500), because analytics reaches zod through contracts.
 */
export const ChartChoiceItem = Chart.pick({ title: true, description: true })
  .partial()
  .extend({ key: ChartsPayload.keyType });
export type ChartChoiceItem = ReturnType<typeof ChartChoiceItem.parse>;

/** The charts a model chose, in the order it wants them shown; extra fields (type, data) are dropped. */
export const ChartChoiceList = ChartChoiceItem.array().min(1).max(MAX_CHOSEN_CHARTS);

/** The outcome of applying a model's chart choice: the chosen charts, or why the choice was refused. */
export type ChartSelection = { ok: true; value: ChartsPayload } | { ok: false; error: string };

/**
 * Applies a model's `{ charts: [{ key, title?, description? }] }` to the computed charts: keeps the computed
 * data and type, takes the model's order and (plain-text) wording. Refuses unknown or repeated keys.
 */
export function selectCharts(computed: ChartsPayload, choice: unknown): ChartSelection {
  const charts =
    typeof choice === 'object' && choice !== null ? (choice as { charts?: unknown }).charts : undefined;
  const parsed = ChartChoiceList.safeParse(charts);
  if (!parsed.success) {
    // The first issue only, named from the model's `charts` field.
    const issues = parsed.error.issues.map((issue) => ({ ...issue, path: ['charts', ...issue.path] }));
    return { ok: false, error: `invalid chart choice: ${formatIssues(issues, { limit: 1 })}` };
  }
  const selected: ChartsPayload = {};
  for (const item of parsed.data) {
    const chart = computed[item.key];
    if (!chart) return { ok: false, error: `invalid chart choice: no computed chart "${item.key}"` };
    if (selected[item.key]) return { ok: false, error: `invalid chart choice: "${item.key}" chosen twice` };
    const written = plainText(item.description ?? '');
    const notes = computedNotes(item.key, chart.description);
    selected[item.key] = {
      ...chart,
      title: plainText(item.title ?? '') || chart.title,
      // The computed note of what the chart covers (and leaves out) stays beside the model's words.
      description: written
        ? [written, notes].filter(Boolean).join(' ').slice(0, DESCRIPTION_LIMIT)
        : chart.description,
    };
  }
  return { ok: true, value: ChartsPayload.parse(selected) };
}

/** Longest chart description the Chart contract stores. */
const DESCRIPTION_LIMIT = 500;

/** What the computed description adds to the catalog's wording: the coverage and unpriced notes. */
function computedNotes(key: string, description: string): string {
  const base = isChartKey(key) ? CHART_CATALOG[key].description : '';
  return base && description.startsWith(base) ? description.slice(base.length).trim() : '';
}

/** Reduces model-written text to one plain line: link text kept, HTML tags and markdown marks dropped. */
export function plainText(text: string): string {
  return text
    .replace(/^[ \t]*(?:[-+]|\d+\.)[ \t]+/gm, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[<>*_`~#|\\]/g, ' ')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:!?])/g, '$1')
    .trim();
}
