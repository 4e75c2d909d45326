import type { Chart, ChartsPayload } from '@alex/contracts';
import { NARROW, renderBarChart, renderHorizontalBarChart, WIDE } from './bar-chart';
import { escapeHtml } from './escape-html';
import { renderLineChart } from './line-chart';
import { renderPieChart } from './pie-chart';
import { responsiveDrawing } from './responsive-drawing';

/** Draws one chart as inline SVG: a pie or donut (240 units, fits any phone) with its legend, else both widths. */
function renderChartSvg(chart: Chart): string {
  const both = (draw: (chart: Chart, width: number) => string) =>
    responsiveDrawing(draw(chart, WIDE), draw(chart, NARROW));
  switch (chart.type) {
    case 'pie':
    case 'donut':
      return renderPieChart(chart);
    case 'bar':
      return both(renderBarChart);
    case 'horizontalBar':
      return both(renderHorizontalBarChart);
    case 'line':
      return both(renderLineChart);
  }
}

/**
 * The charts in display order: by `order` (jsonb keeps no key order), charts without one after those with
 * one, ties in stored order.
 */
export function orderedCharts(charts: ChartsPayload): [string, Chart][] {
  const position = (chart: Chart) => chart.order ?? Number.MAX_SAFE_INTEGER;
  return Object.entries(charts).sort(([, a], [, b]) => position(a) - position(b));
}

function zeroNote(chart: Chart): string {
  const pie = chart.type === 'pie' || chart.type === 'donut';
  // Pies explain their own empty state; the other charts still draw their axes, so say why nothing shows.
  if (pie || chart.data.some((datum) => datum.value !== 0)) return '';
  return '<p class="note">Every value in this chart is zero.</p>';
}

/** One chart as a figure: its title, the drawing, and its description underneath. */
export function renderChartFigure(key: string, chart: Chart): string {
  const describedBy = chart.model === 'offline' ? 'described without a model' : `described by ${chart.model}`;
  const model = chart.model ? ` · ${escapeHtml(describedBy)}` : '';
  return [
    `<figure class="chart" id="chart-${escapeHtml(key)}">`,
    `<h3>${escapeHtml(chart.title)}</h3>`,
    renderChartSvg(chart),
    zeroNote(chart),
    `<figcaption>${escapeHtml(chart.description)}<span class="meta"> (${escapeHtml(chart.type)}${model})</span></figcaption>`,
    '</figure>',
  ].join('\n');
}
