import { describe, expect, it } from 'vitest';
import { renderFanChart, thousandsLabel } from '../src/fan-chart';
import { fixtureBands } from './job-fixture';

function pointsOf(svg: string, className: string): number[][] {
  const match = new RegExp(`class="${className}" points="([^"]*)"`).exec(svg);
  return (match?.[1] ?? '').split(' ').map((point) => point.split(',').map(Number));
}

describe('renderFanChart', () => {
  const bands = fixtureBands();
  const svg = renderFanChart(bands, 65);

  it('draws the p10-p90 and p25-p75 areas with two points per band and the median with one', () => {
    expect(bands).toHaveLength(56);
    expect(pointsOf(svg, 'band-outer')).toHaveLength(112);
    expect(pointsOf(svg, 'band-inner')).toHaveLength(112);
    expect(pointsOf(svg, 'band-median')).toHaveLength(56);
  });

  it('runs x with age and keeps the median inside the 25-75 area', () => {
    const median = pointsOf(svg, 'band-median');
    const inner = pointsOf(svg, 'band-inner');
    const xs = median.map(([x]) => x ?? 0);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    // SVG y grows downward: p75 (first half of the area) is above the median, p25 (second half, reversed) below.
    median.forEach(([, y], i) => {
      expect(y).toBeGreaterThanOrEqual(inner[i]?.[1] ?? 0);
      expect(y).toBeLessThanOrEqual(inner[inner.length - 1 - i]?.[1] ?? 0);
    });
  });

  it('labels the y axis in thousands of dollars and marks where withdrawals start', () => {
    expect(svg).toContain('>$0k<');
    expect(svg).toContain('withdrawals start (65)');
    expect(thousandsLabel(1_250_000)).toBe('$1,250k');
  });

  it('says so instead of drawing when there are no bands', () => {
    expect(renderFanChart([])).toContain('No wealth bands');
  });
});
