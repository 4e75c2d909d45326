import type { Chart, ChartsPayload, RetirementPayload, SummaryPayload, WealthBand } from '@alex/contracts';
import type { JobView } from '../src/job-view';
// The assumptions as payloads stored them before engine v2 (inflation without persistence, an end age): a
// record of old rows, kept as data so it never follows the current defaults.
import PRE_V2_ASSUMPTIONS from './pre-v2-assumptions.json' with { type: 'json' };

/** The person's question, as the planner stores it. */
export const QUESTION = 'Am I too concentrated in SPY?';

const REPORT = `# Portfolio analysis for Test User

## Your question

> “Am I too concentrated in SPY?”

**SPY** is 38.2% of the portfolio: one fund, though it holds 500 companies.

## Summary

> Every figure below is computed from your holdings.

## Observations
- **SPY** alone is 38.2% of the portfolio.
- Cash is 8.5% of the portfolio; consider *deploying* part of it.
- Fixed income is 6.1 points below its target ($6,065.00 to move).

## Portfolio composition
Total value $99,437.50: holdings $90,937.50, cash $8,500.00, across 2 accounts.

### Asset classes
| | Value | Share |
|---|---:|---:|
| Equity | $66,812.50 | 67.2% |
| Fixed Income | $24,125.00 | 24.3% |
| Cash | $8,500.00 | 8.5% |

## Next steps
1. Rebalance toward the bond target.
2. Review the \`VTI\` and \`SPY\` overlap.

Sources: [Vanguard research](https://example.com/research).`;

type Row = [name: string, value: number, color: string];

/** A stored chart shown at display position `order`. */
function chart(
  order: number,
  type: Chart['type'],
  title: string,
  description: string,
  rows: Row[],
  model = 'gpt-test',
): Chart {
  return {
    title,
    type,
    description,
    data: rows.map(([name, value, color]) => ({ name, value, color })),
    model,
    order,
  };
}

// Stored out of display order, as jsonb returns keys: the page must sort by `order`.
const CHARTS: ChartsPayload = {
  target_drift: chart(
    2,
    'bar',
    'Drift from targets',
    'Dollars above (positive) or below (negative) each asset-class target.',
    [
      ['Equity', 7150.25, '#3B82F6'],
      ['Fixed Income', -6065, '#10B981'],
      ['Cash', -1085.25, '#F59E0B'],
    ],
    'offline',
  ),
  asset_allocation: chart(0, 'donut', 'Asset class allocation', 'Equity is two thirds of the portfolio.', [
    ['Equity', 66812.5, '#3B82F6'],
    ['Fixed Income', 24125, '#10B981'],
    ['Cash', 8500, '#F59E0B'],
  ]),
  cash_vs_invested: chart(3, 'pie', 'Cash vs invested', 'Cash is a small part.', [
    ['Invested', 90937.5, '#3B82F6'],
    ['Cash', 8500, '#F59E0B'],
  ]),
  top_holdings: chart(1, 'horizontalBar', 'Largest holdings', 'SPY is the largest single position.', [
    ['SPY - SPDR S&P 500 ETF Trust', 38000, '#6366F1'],
    ['BND - Vanguard Total Bond Market ETF', 24125, '#14B8A6'],
    ['VTI - Vanguard Total Stock Market ETF', 18812.5, '#8B5CF6'],
    ['QQQ - Invesco QQQ Trust', 10000, '#EC4899'],
  ]),
};

/** The chart keys in their `order`. */
export const CHART_ORDER = ['asset_allocation', 'top_holdings', 'target_drift', 'cash_vs_invested'];

/** 56 yearly bands from age 40 to 95: wealth grows until 65, then is drawn down. */
export function fixtureBands(): WealthBand[] {
  return Array.from({ length: 56 }, (_, year) => {
    const age = 40 + year;
    const p50 = age <= 65 ? 90_000 + year * 34_000 : Math.max(0, 940_000 - (age - 65) * 30_000);
    const spread = 0.1 + year * 0.02;
    return {
      year,
      age,
      p10: Math.round(p50 * (1 - 1.6 * Math.min(spread, 0.6))),
      p25: Math.round(p50 * (1 - 0.8 * Math.min(spread, 0.9))),
      p50,
      p75: Math.round(p50 * (1 + spread)),
      p90: Math.round(p50 * (1 + 2 * spread)),
    };
  });
}

/** A retirement payload written before engine v2: no method, plan, strategies, solves or sensitivity. */
const RETIREMENT: RetirementPayload = {
  analysis: `# Retirement projection

## Simulation results
- Success rate (money lasts to 95): **78.4%** (95% interval 77.6% to 79.2%).
- Median wealth at retirement: $940,000.00.

## What this means
On these assumptions the plan works in many but not all simulated markets.`,
  generated_at: '2025-03-01T14:05:09.000Z',
  agent: 'retirement',
  model: 'gpt-test',
  simulation: {
    paths: 10_000,
    seed: 42,
    assumptions: PRE_V2_ASSUMPTIONS,
    success_rate: 0.7842,
    success_rate_ci95: [0.7761, 0.7921],
    bands: fixtureBands(),
    depletion_by_age: Array.from({ length: 31 }, (_, i) => ({
      age: 65 + i,
      probability: Math.round(Math.max(0, (i - 12) * 0.012) * 10_000) / 10_000,
    })),
    median_at_retirement: 940_000,
  },
};

const SUMMARY: SummaryPayload = {
  outcome: 'complete',
  gaps: [],
  assumptions: [],
  agents: {
    tagger: { status: 'succeeded', duration_ms: 812, model: 'gpt-test', error: null, detail: null },
    reporter: { status: 'succeeded', duration_ms: 15_230, model: 'gpt-test', error: null, detail: null },
    charter: { status: 'succeeded', duration_ms: 4_410, model: 'gpt-test', error: null, detail: null },
    retirement: { status: 'succeeded', duration_ms: 9_870, model: 'gpt-test', error: null, detail: null },
  },
  plan: {
    source: 'model',
    model_calls: ['reporter', 'charter', 'retirement'],
    required: ['reporter', 'charter', 'retirement'],
    executed: ['reporter', 'charter', 'retirement'],
    note: null,
    question: QUESTION,
    steps: [
      {
        agent: 'reporter',
        stage: 1,
        focus: { question: QUESTION },
        rationale: 'The question is about concentration.',
        confidence: 0.9,
      },
    ],
    deviations: [{ agent: 'charter', kind: 'added', reason: 'every analysis draws its charts' }],
  },
  usage: [{ model: 'gpt-test', requests: 7, input_tokens: 18_342, output_tokens: 3_115 }],
  prices: { source: 'stored', stale: false, missing: [] },
  started_at: '2025-03-01T14:04:40.000Z',
  finished_at: '2025-03-01T14:05:10.000Z',
  duration_ms: 30_000,
};

/** A finished job with every payload present and valid: a question, a report, four charts, a retirement projection. */
export function completeJob(): JobView {
  return {
    id: '7f0c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f',
    clerk_user_id: 'test_user_001',
    status: 'completed',
    error_message: null,
    created_at: '2025-03-01T14:04:38.000Z',
    completed_at: '2025-03-01T14:05:10.000Z',
    report_payload: {
      content: REPORT,
      generated_at: '2025-03-01T14:05:01.000Z',
      agent: 'reporter',
      model: 'gpt-test',
    },
    charts_payload: structuredClone(CHARTS),
    retirement_payload: structuredClone(RETIREMENT),
    summary_payload: structuredClone(SUMMARY),
  };
}
