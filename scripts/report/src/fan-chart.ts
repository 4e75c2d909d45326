import type { WealthBand } from '@alex/contracts';
import { horizontalGrid, svgOpen } from './chart-axes';
import { coord, linearScale, niceTicks } from './chart-scale';

const FAN_WIDE = 720;
/** Width of the fan chart drawn for phones, in SVG units (desktop pages get 720). */
export const FAN_NARROW = 360;

/** The fan chart's frame in SVG units; the narrow one is drawn at about 1:1 on a 390 px phone. */
interface FanFrame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Years between age ticks. */
  ageStep: number;
}

function fanFrame(width: number, ages: number): FanFrame {
  const narrow = width < FAN_WIDE;
  const height = narrow ? 260 : 330;
  const ageStep = narrow && ages > 30 ? 10 : 5;
  return { width, height, left: narrow ? 64 : 80, right: width - 14, top: 20, bottom: height - 44, ageStep };
}

/** Axis label in thousands of dollars: 1250000 -> "$1,250k". */
export function thousandsLabel(value: number): string {
  return `$${(value / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })}k`;
}

type Point = (band: WealthBand, key: 'p10' | 'p25' | 'p50' | 'p75' | 'p90') => string;

/** Points of the area between two percentiles: along the upper one, then back along the lower one. */
function area(bands: readonly WealthBand[], at: Point, upper: 'p90' | 'p75', lower: 'p10' | 'p25'): string {
  const forward = bands.map((band) => at(band, upper));
  const back = [...bands].reverse().map((band) => at(band, lower));
  return [...forward, ...back].join(' ');
}

function ageAxis(frame: FanFrame, first: number, last: number, x: (age: number) => number): string {
  const { top, bottom, ageStep } = frame;
  const ticks: string[] = [];
  for (let age = Math.ceil(first / ageStep) * ageStep; age <= last; age += ageStep) {
    ticks.push(
      `<line class="grid" x1="${x(age)}" y1="${top}" x2="${x(age)}" y2="${bottom}"/>` +
        `<text class="tick" x="${x(age)}" y="${bottom + 16}" text-anchor="middle">${age}</text>`,
    );
  }
  const title = `<text class="axis-title" x="${(frame.left + frame.right) / 2}" y="${frame.height - 6}" text-anchor="middle">Age</text>`;
  return `${ticks.join('')}${title}`;
}

function withdrawalMarker(frame: FanFrame, age: number | undefined, x: (age: number) => number): string {
  if (age === undefined) return '';
  const at = x(age);
  if (at < frame.left || at > frame.right) return '';
  // Past the middle the label runs leftward from the line, so it never leaves the drawing.
  const leftward = at > (frame.left + frame.right) / 2;
  const label = leftward
    ? `x="${coord(at - 4)}" y="${frame.top + 12}" text-anchor="end"`
    : `x="${coord(at + 4)}" y="${frame.top + 12}"`;
  return (
    `<line class="marker" x1="${at}" y1="${frame.top}" x2="${at}" y2="${frame.bottom}"/>` +
    `<text class="marker-label" ${label}>withdrawals start (${age})</text>`
  );
}

/**
 * A fan chart of real wealth by age: shaded 10th-90th and 25th-75th percentile areas and the median line, with
 * an optional dashed marker at the age withdrawals start; `width` in SVG units (the drawing scales to the page).
 */
export function renderFanChart(
  bands: readonly WealthBand[],
  withdrawalAge?: number,
  width = FAN_WIDE,
): string {
  if (bands.length === 0) return '<p class="note">No wealth bands were stored, so there is no fan chart.</p>';
  const first = bands[0]?.age ?? 0;
  const last = bands.at(-1)?.age ?? first;
  const frame = fanFrame(width, last - first);
  const { left, right, top, bottom } = frame;
  const x = linearScale(first === last ? [first - 1, last + 1] : [first, last], [left, right]);
  const ticks = niceTicks(Math.min(0, ...bands.map((b) => b.p10)), Math.max(...bands.map((b) => b.p90)));
  const y = linearScale([ticks[0] ?? 0, ticks.at(-1) ?? 1], [bottom, top]);
  const at: Point = (band, key) => `${x(band.age)},${y(band[key])}`;
  const median = bands.map((band) => at(band, 'p50')).join(' ');
  const middle = (top + bottom) / 2;
  // The narrow drawing has no room beside its tick labels for the axis title; the figure's heading says it.
  const yTitle =
    width < FAN_WIDE
      ? ''
      : `<text class="axis-title" transform="rotate(-90 14 ${middle})" x="14" y="${middle}" text-anchor="middle">Real wealth, today's dollars</text>`;
  return [
    svgOpen(width, frame.height, 'Projected real wealth by age'),
    horizontalGrid(ticks, y, left, right, thousandsLabel),
    ageAxis(frame, first, last, x),
    `<polygon class="band-outer" points="${area(bands, at, 'p90', 'p10')}"/>`,
    `<polygon class="band-inner" points="${area(bands, at, 'p75', 'p25')}"/>`,
    `<polyline class="band-median" points="${median}" fill="none"/>`,
    withdrawalMarker(frame, withdrawalAge, x),
    yTitle,
    '</svg>',
  ].join('');
}
