import type { Chart, ChartDatum } from '@alex/contracts';
import { describe, expect, it } from 'vitest';
import { renderBarChart, renderHorizontalBarChart, valueTicks } from '../src/bar-chart';
import { renderLineChart } from '../src/line-chart';

const datum = (name: string, value: number): ChartDatum => ({ name, value, color: '#10B981' });
const chart = (type: Chart['type'], data: ChartDatum[]): Chart => ({
  title: 'T',
  type,
  description: '',
  data,
});

function attributes(svg: string, tag: string): Record<string, string>[] {
  return [...svg.matchAll(new RegExp(`<${tag} ([^>]*?)/?>`, 'g'))].map(([, attrs]) =>
    Object.fromEntries([...(attrs ?? '').matchAll(/([\w-]+)="([^"]*)"/g)].map(([, k, v]) => [k, v])),
  ) as Record<string, string>[];
}

describe('valueTicks', () => {
  it('always includes zero and covers negative values', () => {
    expect(valueTicks([datum('a', 7150.25), datum('b', -6065)])).toEqual([-10000, -5000, 0, 5000, 10000]);
    expect(valueTicks([datum('a', 0)])).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});

describe('renderBarChart', () => {
  it('draws a zero baseline with positive bars above it and negative bars below it', () => {
    const svg = renderBarChart(chart('bar', [datum('Up', 7150.25), datum('Down', -6065)]));
    const baseline = attributes(svg, 'line').find((line) => line.class === 'baseline');
    expect(baseline).toBeDefined();
    const zero = Number(baseline?.y1);
    expect(Number(baseline?.y2)).toBe(zero);
    const [up, down] = attributes(svg, 'rect');
    expect(Number(up?.y) + Number(up?.height)).toBeCloseTo(zero, 2);
    expect(Number(down?.y)).toBeCloseTo(zero, 2);
    expect(Number(down?.height)).toBeGreaterThan(0);
    expect(svg).toContain('-$6.1k');
  });

  it('puts the baseline at the bottom when every value is positive', () => {
    const svg = renderBarChart(chart('bar', [datum('a', 100), datum('b', 50)]));
    const baseline = attributes(svg, 'line').find((line) => line.class === 'baseline');
    const grid = attributes(svg, 'line').filter((line) => line.class === 'grid');
    expect(Number(baseline?.y1)).toBe(Math.max(...grid.map((line) => Number(line.y1))));
  });

  it('uses each datum colour', () => {
    const svg = renderBarChart(chart('bar', [{ name: 'a', value: 1, color: '#123ABC' }]));
    expect(attributes(svg, 'rect')[0]?.fill).toBe('#123ABC');
  });
});

describe('renderHorizontalBarChart', () => {
  it('draws one bar per datum from a vertical zero baseline', () => {
    const svg = renderHorizontalBarChart(chart('horizontalBar', [datum('a', 5000), datum('b', -2500)]));
    const baseline = attributes(svg, 'line').find((line) => line.class === 'baseline');
    const zero = Number(baseline?.x1);
    const [a, b] = attributes(svg, 'rect');
    expect(Number(a?.x)).toBeCloseTo(zero, 2);
    expect(Number(b?.x) + Number(b?.width)).toBeCloseTo(zero, 2);
    expect(Number(a?.width)).toBeCloseTo(2 * Number(b?.width), 1);
  });
});

describe('renderLineChart', () => {
  it('draws a polyline through one point per datum, in order', () => {
    const svg = renderLineChart(chart('line', [datum('Jan', 1), datum('Feb', 3), datum('Mar', 2)]));
    const points = (attributes(svg, 'polyline')[0]?.points ?? '')
      .split(' ')
      .map((p) => p.split(',').map(Number));
    expect(points).toHaveLength(3);
    const xs = points.map(([x]) => x ?? 0);
    expect(xs).toEqual([...xs].sort((p, q) => p - q));
    const ys = points.map(([, y]) => y ?? 0);
    expect(ys[1]).toBeLessThan(ys[2] ?? 0);
    expect(ys[2]).toBeLessThan(ys[0] ?? 0);
  });
});
