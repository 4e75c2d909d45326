import type { WealthBand } from '@alex/contracts';
import { horizontalGrid, svgOpen } from './chart-axes';
import { coord, linearScale, niceTicks } from './chart-scale';

const [WIDTH, HEIGHT] = [720, 330];
const [LEFT, RIGHT, TOP, BOTTOM] = [80, WIDTH - 20, 20, HEIGHT - 44];

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

function ageAxis(first: number, last: number, x: (age: number) => number): string {
  const ticks: string[] = [];
  for (let age = Math.ceil(first / 5) * 5; age <= last; age += 5) {
    ticks.push(
      `<line class="grid" x1="${x(age)}" y1="${TOP}" x2="${x(age)}" y2="${BOTTOM}"/>` +
        `<text class="tick" x="${x(age)}" y="${BOTTOM + 16}" text-anchor="middle">${age}</text>`,
    );
  }
  const title = `<text class="axis-title" x="${(LEFT + RIGHT) / 2}" y="${HEIGHT - 6}" text-anchor="middle">Age</text>`;
  return `${ticks.join('')}${title}`;
}

function withdrawalMarker(
  age: number | undefined,
  x: (age: number) => number,
  first: number,
  last: number,
): string {
  if (age === undefined || age < first || age > last) return '';
  const at = x(age);
  return (
    `<line class="marker" x1="${at}" y1="${TOP}" x2="${at}" y2="${BOTTOM}"/>` +
    `<text class="marker-label" x="${coord(at + 4)}" y="${TOP + 12}">withdrawals start (${age})</text>`
  );
}

/**
 * A fan chart of real wealth by age: shaded 10th-90th and 25th-75th percentile areas and the median line, with
 * an optional dashed marker at the age withdrawals start.
 */
export function renderFanChart(bands: readonly WealthBand[], withdrawalAge?: number): string {
  if (bands.length === 0) return '<p class="note">No wealth bands were stored, so there is no fan chart.</p>';
  const first = bands[0]?.age ?? 0;
  const last = bands.at(-1)?.age ?? first;
  const x = linearScale(first === last ? [first - 1, last + 1] : [first, last], [LEFT, RIGHT]);
  const ticks = niceTicks(Math.min(0, ...bands.map((b) => b.p10)), Math.max(...bands.map((b) => b.p90)));
  const y = linearScale([ticks[0] ?? 0, ticks.at(-1) ?? 1], [BOTTOM, TOP]);
  const at: Point = (band, key) => `${x(band.age)},${y(band[key])}`;
  const median = bands.map((band) => at(band, 'p50')).join(' ');
  const yTitle = `<text class="axis-title" transform="rotate(-90 14 ${(TOP + BOTTOM) / 2})" x="14" y="${(TOP + BOTTOM) / 2}" text-anchor="middle">Real wealth, today's dollars</text>`;
  return [
    svgOpen(WIDTH, HEIGHT, 'Projected real wealth by age'),
    horizontalGrid(ticks, y, LEFT, RIGHT, thousandsLabel),
    ageAxis(first, last, x),
    `<polygon class="band-outer" points="${area(bands, at, 'p90', 'p10')}"/>`,
    `<polygon class="band-inner" points="${area(bands, at, 'p75', 'p25')}"/>`,
    `<polyline class="band-median" points="${median}" fill="none"/>`,
    withdrawalMarker(withdrawalAge, x, first, last),
    yTitle,
    '</svg>',
  ].join('');
}
