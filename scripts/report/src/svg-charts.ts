import type { Chart } from '@alex/contracts';
import { renderBarChart, renderHorizontalBarChart } from './bar-chart';
import { escapeHtml } from './escape-html';
import { renderLineChart } from './line-chart';
import { renderPieChart } from './pie-chart';

/** Draws one chart as inline SVG (plus a legend for pies and donuts), choosing the drawing by `chart.type`. */
function renderChartSvg(chart: Chart): string {
  switch (chart.type) {
    case 'pie':
    case 'donut':
      return renderPieChart(chart);
    case 'bar':
      return renderBarChart(chart);
    case 'horizontalBar':
      return renderHorizontalBarChart(chart);
    case 'line':
      return renderLineChart(chart);
  }
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
