import type { Chart, ChartDatum } from '@alex/contracts';
import { describe, expect, it } from 'vitest';
import { pieSlices, renderPieChart } from '../src/pie-chart';

const datum = (name: string, value: number, color = '#3B82F6'): ChartDatum => ({ name, value, color });
const pie = (data: ChartDatum[], type: Chart['type'] = 'pie'): Chart => ({
  title: 'Pie',
  type,
  description: '',
  data,
});

// Angle of an SVG point around the pie's centre (120, 120), clockwise from twelve o'clock.
function angleOf(x: number, y: number): number {
  return ((Math.atan2(x - 120, 120 - y) * 180) / Math.PI + 360) % 360;
}

/** The swept angle of each drawn slice, read back from its path's start point and arc end point. */
function sweepsFromPaths(svg: string): number[] {
  const paths = [
    ...svg.matchAll(/<path d="M 120 120 L ([\d.]+) ([\d.]+) A 110 110 0 [01] 1 ([\d.]+) ([\d.]+) Z"/g),
  ];
  return paths.map(([, x0, y0, x1, y1]) => {
    const sweep = angleOf(Number(x1), Number(y1)) - angleOf(Number(x0), Number(y0));
    return sweep <= 0 ? sweep + 360 : sweep;
  });
}

describe('pieSlices', () => {
  it('gives each positive value its share of 360 degrees, ending exactly at 360', () => {
    const slices = pieSlices([datum('a', 66812.5), datum('b', 24125), datum('c', 8500)]);
    expect(slices.map((s) => s.end - s.start).reduce((sum, sweep) => sum + sweep, 0)).toBeCloseTo(360, 9);
    expect(slices.at(-1)?.end).toBe(360);
    expect(slices[0]?.start).toBe(0);
    expect(slices[1]?.start).toBe(slices[0]?.end);
    expect(slices.map((s) => Number(s.share.toFixed(4)))).toEqual([0.6719, 0.2426, 0.0855]);
  });

  it('gives zero and negative values no slice', () => {
    const slices = pieSlices([datum('a', 300), datum('zero', 0), datum('loss', -100), datum('b', 100)]);
    expect(slices.map((s) => s.datum.name)).toEqual(['a', 'b']);
    expect(slices.map((s) => s.end - s.start)).toEqual([270, 90]);
  });
});

describe('renderPieChart', () => {
  it('draws arcs whose swept angles, read back from the paths, sum to 360 degrees', () => {
    const svg = renderPieChart(pie([datum('a', 5), datum('b', 3), datum('c', 1.5), datum('d', 0.5)]));
    const sweeps = sweepsFromPaths(svg);
    expect(sweeps).toHaveLength(4);
    expect(sweeps.reduce((sum, sweep) => sum + sweep, 0)).toBeCloseTo(360, 1);
    expect(sweeps[0]).toBeCloseTo(180, 1);
    expect(svg).toContain('A 110 110 0 0 1');
  });

  it('uses the large-arc flag for a slice over half the circle', () => {
    const svg = renderPieChart(pie([datum('big', 3), datum('small', 1)]));
    expect(svg).toContain('A 110 110 0 1 1');
  });

  it('draws a single datum as a full circle of two half arcs', () => {
    const svg = renderPieChart(pie([datum('all', 1234.56)]));
    expect(svg).toContain('d="M 120 10 A 110 110 0 1 1 120 230 A 110 110 0 1 1 120 10 Z"');
    expect(svg).toContain('$1,234.56');
    expect(svg).toContain('100.0%');
  });

  it('draws a single-datum donut as a ring with a hole', () => {
    const svg = renderPieChart(pie([datum('all', 10)], 'donut'));
    expect(svg).toMatch(/d="M 120 10 A 110 110 .* Z M 120 56 A 64 64 0 1 0 120 184 A 64 64 0 1 0 120 56 Z"/);
    expect(svg).toContain('Total');
  });

  it('lists name, dollar value and share in the legend', () => {
    const svg = renderPieChart(pie([datum('Equity', 66812.5), datum('Cash', 8500)]));
    expect(svg).toContain('Equity</td><td class="num">$66,812.50</td><td class="num">88.7%</td>');
    expect(svg).toContain('Cash</td><td class="num">$8,500.00</td><td class="num">11.3%</td>');
  });

  it('leaves negative values out of the pie with a note naming them', () => {
    const svg = renderPieChart(pie([datum('Gains', 3000), datum('Loss', -500)]));
    expect(svg).toContain('Left out of the pie because a slice cannot be negative: Loss (-$500.00).');
    expect(svg).not.toContain('Loss</td>');
  });

  it('draws an empty placeholder with a note when every value is zero', () => {
    const svg = renderPieChart(pie([datum('a', 0), datum('b', 0)]));
    expect(svg).not.toContain('<path');
    expect(svg).toContain('class="empty"');
    expect(svg).toContain('Nothing to draw: no value is above zero.');
  });

  it('escapes slice names in the legend and tooltips', () => {
    const svg = renderPieChart(pie([datum('<b onclick=x>', 1)]));
    expect(svg).not.toContain('<b onclick');
    expect(svg).toContain('&lt;b onclick=x&gt;');
  });
});
