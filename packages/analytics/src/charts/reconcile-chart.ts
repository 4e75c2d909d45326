import type { Chart } from '@alex/contracts';
import { fromCents, toCents } from '../money';

/** Whether a chart's values add up, in whole cents, to the dollar value it says it covers. */
export interface ChartReconciliation {
  ok: boolean;
  /** Sum of the chart's values, in dollars. */
  total: number;
  expected: number;
  /** total - expected, in dollars (0 when ok). */
  difference: number;
}

/** Sums a chart's values in cents and compares them with the value it should cover. */
export function reconcileChart(chart: Pick<Chart, 'data'>, expectedTotal: number): ChartReconciliation {
  const totalCents = chart.data.reduce((sum, datum) => sum + toCents(datum.value), 0);
  const expectedCents = toCents(expectedTotal);
  return {
    ok: totalCents === expectedCents,
    total: fromCents(totalCents),
    expected: fromCents(expectedCents),
    difference: fromCents(totalCents - expectedCents),
  };
}
