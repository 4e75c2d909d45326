import { describe, expect, it } from 'vitest';
import { reconcileChart } from '../../src/charts';

describe('reconcileChart', () => {
  it('compares in cents and reports the difference', () => {
    const chart = { data: [0.1, 0.2, 0.3].map((value) => ({ name: 'x', value, color: '#209DD7' })) };
    expect(reconcileChart(chart, 0.6)).toEqual({ ok: true, total: 0.6, expected: 0.6, difference: 0 });
    expect(reconcileChart(chart, 0.59)).toEqual({ ok: false, total: 0.6, expected: 0.59, difference: 0.01 });
  });
});
