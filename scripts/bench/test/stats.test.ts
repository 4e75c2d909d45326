import { describe, expect, it } from 'vitest';
import { formatSummary, summarize } from '../src/stats';

describe('summarize', () => {
  it('takes nearest-rank percentiles of an unsorted sample', () => {
    const samples = [9, 1, 8, 2, 7, 3, 6, 4, 5, 10];
    expect(summarize(samples)).toEqual({ n: 10, p50: 5, p95: 10, min: 1, max: 10 });
  });

  it('rounds to hundredths and reads an empty sample as zeros', () => {
    expect(summarize([1.23456, 2.34567]).p50).toBe(1.23);
    expect(summarize([])).toEqual({ n: 0, p50: 0, p95: 0, min: 0, max: 0 });
  });

  it('prints one aligned line per measurement', () => {
    const line = formatSummary('offline job', { n: 3, p50: 12.5, p95: 20, min: 10, max: 20 });
    expect(line).toBe(
      `${'offline job'.padEnd(44)} p50     12.50 ms   p95     20.00 ms   (n=3, min 10.00, max 20.00)`,
    );
  });
});
