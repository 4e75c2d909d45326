import { formatDollars } from '@alex/analytics';
import type { Chart, ChartDatum } from '@alex/contracts';
import {
  type CategoryLayout,
  categoryLabel,
  categoryLayout,
  horizontalGrid,
  svgOpen,
  verticalGrid,
} from './chart-axes';
import { compactDollars, coord, fitLabel, linearScale, niceTicks } from './chart-scale';
import { escapeHtml } from './escape-html';

/** Width of a chart drawn for desktop pages, in SVG units. */
export const WIDE = 640;
/** Width of a chart drawn for phones, in SVG units: about 1:1 on a 390 px screen, so labels keep their size. */
export const NARROW = 360;

/** The value axis of a bar chart: round ticks that always include zero, so every bar grows from a baseline. */
export function valueTicks(data: readonly ChartDatum[]): number[] {
  const values = data.map((datum) => datum.value);
  return niceTicks(Math.min(0, ...values), Math.max(0, ...values));
}

/** A `<title>` tooltip naming a datum and its exact dollar value. */
export function datumTooltip(datum: ChartDatum): string {
  return `<title>${escapeHtml(`${datum.name}: ${formatDollars(datum.value)}`)}</title>`;
}

/** The frame of a chart with categories along x and values up y: its scales, grid, baseline and opening tag. */
export interface CategoryPlot {
  layout: CategoryLayout;
  bottom: number;
  y: (value: number) => number;
  /** The `<svg>` opening tag followed by the value grid. */
  open: string;
  /** The zero line across the plot. */
  baseline: string;
}

/** Lays out the frame that bar and line charts share, sized for the chart's category labels. */
export function categoryPlot(chart: Chart, width = WIDE): CategoryPlot {
  const [right, top, bottom] = [width - 16, 24, width < WIDE ? 196 : 236];
  const layout = categoryLayout(
    chart.data.map((datum) => datum.name),
    width < WIDE ? 56 : 76,
    right,
  );
  const ticks = valueTicks(chart.data);
  const y = linearScale([ticks[0] ?? 0, ticks.at(-1) ?? 1], [bottom, top]);
  const zero = y(0);
  const open =
    svgOpen(width, bottom + layout.below, chart.title) + horizontalGrid(ticks, y, layout.left, right);
  const baseline = `<line class="baseline" x1="${layout.left}" y1="${zero}" x2="${right}" y2="${zero}"/>`;
  return { layout, bottom, y, open, baseline };
}

/** Vertical bars above and below a zero baseline, one per datum, labelled underneath. */
export function renderBarChart(chart: Chart, width = WIDE): string {
  const { layout, bottom, y, open, baseline } = categoryPlot(chart, width);
  const { left, slot } = layout;
  // A value label needs about 36 units; on a narrow drawing with many bars the tooltip carries it instead.
  const showValues = chart.data.length <= 12 && slot >= 36;
  const bars = chart.data.map((datum, index) => {
    const x = coord(left + slot * index + slot * 0.15);
    const [y0, y1] = [y(Math.max(datum.value, 0)), y(Math.min(datum.value, 0))];
    const centre = coord(x + slot * 0.35);
    const valueY = datum.value < 0 ? y1 + 13 : y0 - 4;
    const value = showValues
      ? `<text class="bar-value" x="${centre}" y="${coord(valueY)}" text-anchor="middle">${escapeHtml(compactDollars(datum.value))}</text>`
      : '';
    const label = categoryLabel(centre, bottom + 4, fitLabel(datum.name, layout.maxChars), layout.slanted);
    return `<rect x="${x}" y="${y0}" width="${coord(slot * 0.7)}" height="${coord(y1 - y0)}" fill="${escapeHtml(datum.color)}">${datumTooltip(datum)}</rect>${value}${label}`;
  });
  return `${open}${bars.join('')}${baseline}</svg>`;
}

/** Horizontal bars left and right of a zero baseline, one row per datum, named on the left. */
export function renderHorizontalBarChart(chart: Chart, width = WIDE): string {
  const narrow = width < WIDE;
  // Names sit left of the bars: a narrow drawing gives them less room and shortens them sooner.
  const [left, right, top, row] = [narrow ? 118 : 180, width - (narrow ? 52 : 72), 12, 26];
  const nameChars = narrow ? 17 : 26;
  const bottom = top + row * chart.data.length;
  const ticks = valueTicks(chart.data);
  const x = linearScale([ticks[0] ?? 0, ticks.at(-1) ?? 1], [left, right]);
  const zero = x(0);
  const bars = chart.data.map((datum, index) => {
    const [x0, x1] = [x(Math.min(datum.value, 0)), x(Math.max(datum.value, 0))];
    const y = top + row * index;
    const middle = coord(y + row / 2 + 4);
    const name = `<text class="category" x="${left - 8}" y="${middle}" text-anchor="end">${escapeHtml(fitLabel(datum.name, nameChars))}</text>`;
    const value = `<text class="bar-value" x="${coord(Math.max(x1, zero) + 4)}" y="${middle}">${escapeHtml(compactDollars(datum.value))}</text>`;
    return `<rect x="${x0}" y="${y + 4}" width="${coord(x1 - x0)}" height="${row - 8}" fill="${escapeHtml(datum.color)}">${datumTooltip(datum)}</rect>${name}${value}`;
  });
  const baseline = `<line class="baseline" x1="${zero}" y1="${top}" x2="${zero}" y2="${bottom}"/>`;
  return `${svgOpen(width, bottom + 28, chart.title)}${verticalGrid(ticks, x, top, bottom)}${bars.join('')}${baseline}</svg>`;
}
