import type { Chart } from '@alex/contracts';
import { datumTooltip, valueTicks } from './bar-chart';
import { categoryLabel, categoryLayout, horizontalGrid, svgOpen } from './chart-axes';
import { coord, fitLabel, linearScale } from './chart-scale';
import { escapeHtml } from './escape-html';

const WIDTH = 640;

/** A line through the data in order, one point per evenly spaced category, dots in each datum's colour. */
export function renderLineChart(chart: Chart): string {
  const [right, top, bottom] = [WIDTH - 16, 24, 236];
  const layout = categoryLayout(
    chart.data.map((datum) => datum.name),
    76,
    right,
  );
  const ticks = valueTicks(chart.data);
  const y = linearScale([ticks[0] ?? 0, ticks.at(-1) ?? 1], [bottom, top]);
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
  const zero = y(0);
  const baseline = `<line class="baseline" x1="${layout.left}" y1="${zero}" x2="${right}" y2="${zero}"/>`;
  const line = `<polyline class="series" points="${points}" fill="none" stroke="${stroke}" stroke-width="2.5"/>`;
  const grid = horizontalGrid(ticks, y, layout.left, right);
  return `${svgOpen(WIDTH, bottom + layout.below, chart.title)}${grid}${baseline}${line}${dots.join('')}</svg>`;
}
