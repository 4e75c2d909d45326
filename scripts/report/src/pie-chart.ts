import { formatDollars, percentOfCents, toCents } from '@alex/analytics';
import type { Chart, ChartDatum } from '@alex/contracts';
import { svgOpen } from './chart-axes';
import { coord } from './chart-scale';
import { escapeHtml } from './escape-html';

/** One drawn slice: its datum, start and end angles in degrees clockwise from twelve o'clock, and its share. */
export interface PieSlice {
  datum: ChartDatum;
  start: number;
  end: number;
  share: number;
  /** The share as shown: a percent with one decimal, rounded once from cents like every share in the report. */
  percent: number;
}

const SIZE = 240;
const CENTER = SIZE / 2;
const OUTER = 110;
const INNER = 64;

/** Splits 360° among the positive values in order; zero and negative values get no slice. */
export function pieSlices(data: readonly ChartDatum[]): PieSlice[] {
  const drawn = data.filter((datum) => datum.value > 0);
  const total = drawn.reduce((sum, datum) => sum + datum.value, 0);
  const totalCents = drawn.reduce((sum, datum) => sum + toCents(datum.value), 0);
  let angle = 0;
  return drawn.map((datum, index) => {
    // The last slice closes the circle exactly, whatever the floating-point sum of the others.
    const end = index === drawn.length - 1 ? 360 : angle + (datum.value / total) * 360;
    const share = datum.value / total;
    const slice = {
      datum,
      start: angle,
      end,
      share,
      percent: percentOfCents(toCents(datum.value), totalCents),
    };
    angle = end;
    return slice;
  });
}

function point(radius: number, degrees: number): string {
  const radians = (degrees * Math.PI) / 180;
  return `${coord(CENTER + radius * Math.sin(radians))} ${coord(CENTER - radius * Math.cos(radians))}`;
}

function ring(radius: number, clockwise: boolean): string {
  const sweep = clockwise ? 1 : 0;
  const bottom = clockwise ? 180 : -180;
  return `M ${point(radius, 0)} A ${radius} ${radius} 0 1 ${sweep} ${point(radius, bottom)} A ${radius} ${radius} 0 1 ${sweep} ${point(radius, 0)} Z`;
}

/** The SVG path of one pie (inner 0) or donut slice; a full turn is drawn as two half arcs, since one arc cannot close. */
function slicePath(start: number, end: number, inner: number): string {
  if (end - start >= 359.999)
    return inner > 0 ? `${ring(OUTER, true)} ${ring(inner, false)}` : ring(OUTER, true);
  const large = end - start > 180 ? 1 : 0;
  const outerArc = `A ${OUTER} ${OUTER} 0 ${large} 1 ${point(OUTER, end)}`;
  if (inner === 0) return `M ${CENTER} ${CENTER} L ${point(OUTER, start)} ${outerArc} Z`;
  const innerArc = `A ${inner} ${inner} 0 ${large} 0 ${point(inner, start)}`;
  return `M ${point(OUTER, start)} ${outerArc} L ${point(inner, end)} ${innerArc} Z`;
}

function sliceElement(slice: PieSlice, inner: number): string {
  const title = `${slice.datum.name}: ${formatDollars(slice.datum.value)} (${slice.percent.toFixed(1)}%)`;
  return `<path d="${slicePath(slice.start, slice.end, inner)}" fill="${escapeHtml(slice.datum.color)}" fill-rule="evenodd" stroke="#fff" stroke-width="1"><title>${escapeHtml(title)}</title></path>`;
}

function legend(data: readonly ChartDatum[], slices: readonly PieSlice[]): string {
  const rows = data
    .filter((datum) => datum.value >= 0)
    .map((datum) => {
      const percent = slices.find((slice) => slice.datum === datum)?.percent ?? 0;
      return `<tr><td><span class="swatch" style="background:${escapeHtml(datum.color)}"></span>${escapeHtml(datum.name)}</td><td class="num">${escapeHtml(formatDollars(datum.value))}</td><td class="num">${percent.toFixed(1)}%</td></tr>`;
    });
  // A chart of negative values only has no legend rows: no header-only table.
  if (rows.length === 0) return '';
  return `<div class="table-scroll"><table class="legend"><thead><tr><th>Name</th><th class="num">Value</th><th class="num">Share</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function notes(data: readonly ChartDatum[], slices: readonly PieSlice[]): string[] {
  const negative = data.filter((datum) => datum.value < 0);
  const found: string[] = [];
  if (negative.length > 0) {
    const names = negative.map((datum) => `${datum.name} (${formatDollars(datum.value)})`).join(', ');
    found.push(`Left out of the pie because a slice cannot be negative: ${names}.`);
  }
  if (slices.length === 0) found.push('Nothing to draw: no value is above zero.');
  return found;
}

/** A pie or donut chart: arcs sized by value, a legend with name, dollars and share, and notes on what was left out. */
export function renderPieChart(chart: Chart): string {
  const inner = chart.type === 'donut' ? INNER : 0;
  const slices = pieSlices(chart.data);
  const total = slices.reduce((sum, slice) => sum + slice.datum.value, 0);
  const body =
    slices.length === 0
      ? `<circle class="empty" cx="${CENTER}" cy="${CENTER}" r="${OUTER}"/>`
      : slices.map((slice) => sliceElement(slice, inner)).join('');
  const centre =
    inner > 0 && slices.length > 0
      ? `<text class="donut-total" x="${CENTER}" y="${CENTER - 4}" text-anchor="middle">Total</text><text class="donut-total value" x="${CENTER}" y="${CENTER + 14}" text-anchor="middle">${escapeHtml(formatDollars(total))}</text>`
      : '';
  const svg = `${svgOpen(SIZE, SIZE, chart.title)}${body}${centre}</svg>`;
  const noteHtml = notes(chart.data, slices)
    .map((note) => `<p class="note">${escapeHtml(note)}</p>`)
    .join('');
  return `<div class="pie-layout">${svg}${legend(chart.data, slices)}</div>${noteHtml}`;
}
