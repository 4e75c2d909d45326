import type { ChartsPayload } from '@alex/contracts';
import { describe, expect, it } from 'vitest';
import { parseJobPayloads } from '../src/job-view';
import { formatWholeDollars } from '../src/page-format';
import { portfolioObservations, totalValue } from '../src/portfolio-observations';
import { completeJob } from './job-fixture';
import { jobWithSimulation, v2Simulation } from './retirement-v2-fixture';

function withCharts(charts: ChartsPayload | null, job = completeJob()) {
  return parseJobPayloads({ ...job, charts_payload: charts });
}

const bar = (rows: [string, number][]) => ({
  title: 'T',
  type: 'bar' as const,
  description: '',
  data: rows.map(([name, value]) => ({ name, value, color: '#3B82F6' })),
});

describe('totalValue', () => {
  it('sums the chart that covers cash and holdings', () => {
    expect(totalValue(parseJobPayloads(completeJob()))).toBe(99_437.5);
  });

  it('falls back to the accounts, then to the start value the retirement plan simulated', () => {
    const accounts = bar([
      ['IRA', 60_000],
      ['Taxable', 15_000.25],
    ]);
    expect(totalValue(withCharts({ account_breakdown: accounts }))).toBe(75_000.25);
    expect(totalValue(withCharts(null, jobWithSimulation(v2Simulation())))).toBe(250_000);
  });

  it('is null when no payload says it', () => {
    expect(totalValue(withCharts(null))).toBeNull();
  });
});

describe('portfolioObservations', () => {
  it('leads with the income gap to the target, in whole dollars that add up', () => {
    const simulation = v2Simulation();
    const solved = simulation.solves.find((figure) => figure.target === 'income')?.value ?? Number.NaN;
    const [first] = portfolioObservations(parseJobPayloads(jobWithSimulation(simulation)));
    expect(first).toBe(
      `At 90% confidence the plan supports ${formatWholeDollars(solved)} a year: ${formatWholeDollars(60_000 - solved)} short of the $60,000 target.`,
    );
  });

  it('says nothing of drift when no drift chart was drawn (no targets set)', () => {
    const observations = portfolioObservations(withCharts({ top_holdings: bar([['SPY', 10_000]]) }));
    expect(observations).toEqual(['The largest holding is SPY: $10,000.00.']);
  });

  it('names the largest drift and its side, leaving out the grouped rest of the holdings', () => {
    const charts = {
      top_holdings: bar([
        ['All other holdings', 90_000],
        ['VTI', 10_000],
      ]),
      target_drift: bar([
        ['Equity', 1_000],
        ['Fixed Income', -2_500.5],
        ['Cash', 1_500.5],
      ]),
    };
    expect(portfolioObservations(withCharts(charts))).toEqual([
      'The largest holding is VTI: $10,000.00.',
      'Fixed Income is $2,500.50 below its target.',
    ]);
  });

  it('finds nothing to say about an empty portfolio', () => {
    expect(portfolioObservations(withCharts(null))).toEqual([]);
  });
});
