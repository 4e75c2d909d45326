import type { Chart } from '@alex/contracts';
import { categoryPlot, datumTooltip, WIDE } from './bar-chart';
import { categoryLabel } from './chart-axes';
import { coord, fitLabel } from './chart-scale';
import { escapeHtml } from './escape-html';

/** A line through the data in order, one point per evenly spaced category, dots in each datum's colour. */
export function renderLineChart(chart: Chart, width = WIDE): string {
  const { layout, bottom, y, open, baseline } = categoryPlot(chart, width);
  // Points sit in the middle of their category slot, as bars do, so labels never hang past the plot's ends.
  const xAt = (index: number) => coord(layout.left + layout.slot * (index + 0.5));
  const points = chart.data.map((datum, index) => `${xAt(index)},${y(datum.value)}`).join(' ');
  const stroke = escapeHtml(chart.data[0]?.color ?? '#333333');
  const dots = chart.data.map((datum, index) => {
    const label = categoryLabel(
      xAt(index),
      bottom + 4,
      fitLabel(datum.name, layout.maxChars),
      layout.slanted,
    );
    return `<circle cx="${xAt(index)}" cy="${y(datum.value)}" r="4" fill="${escapeHtml(datum.color)}">${datumTooltip(datum)}</circle>${label}`;
  });
  const line = `<polyline class="series" points="${points}" fill="none" stroke="${stroke}" stroke-width="2.5"/>`;
  return `${open}${baseline}${line}${dots.join('')}</svg>`;
}
