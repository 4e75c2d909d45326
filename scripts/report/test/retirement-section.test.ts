import type { RetirementAnalysis } from '@alex/analytics';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../src/escape-html';
import { renderJobHtml } from '../src/render-job-html';
import { completeJob } from './job-fixture';
import { HOSTILE_NAME, jobWithSimulation, v2Simulation } from './retirement-v2-fixture';

// Written out here rather than imported, so a change to the page's formatting shows up as a failure.
const pct = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;
const usd = (value: number) => `$${Math.round(value).toLocaleString('en-US')}`;

function retirementSection(simulation: unknown): string {
  const html = renderJobHtml(jobWithSimulation(simulation));
  const start = html.indexOf('<section id="retirement">');
  expect(start).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}

/** The cells of every body row of the table under `heading`, tags stripped. */
function tableRows(html: string, heading: string): string[][] {
  const start = html.indexOf(`<h3>${heading}</h3>`);
  expect(start).toBeGreaterThanOrEqual(0);
  const body = html.slice(html.indexOf('<tbody>', start), html.indexOf('</tbody>', start));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map(([, row]) =>
    [...(row ?? '').matchAll(/<td[^>]*>(.*?)<\/td>/g)].map(([, cell]) =>
      (cell ?? '').replace(/<[^>]+>/g, ''),
    ),
  );
}

function solved(simulation: RetirementAnalysis, target: string): number {
  const value = simulation.solves.find((answer) => answer.target === target)?.value;
  if (value === undefined || value === null) throw new Error(`fixture has no ${target} solve`);
  return value;
}

describe('the retirement section for an engine v2 payload', () => {
  const simulation = v2Simulation();
  const html = retirementSection(simulation);

  it('leads with the range across methods and fees and labels the interval as simulation noise', () => {
    const [low, high] = simulation.success_range;
    const [ciLow, ciHigh] = simulation.success_rate_ci95 ?? [Number.NaN, Number.NaN];
    expect(html).toContain(`<div class="value">${pct(simulation.success_rate)}</div>`);
    expect(html).toContain(`range across methods and fees: ${pct(low)} – ${pct(high)}`);
    expect(html).toContain(`95% CI ${pct(ciLow)} – ${pct(ciHigh)}, simulation noise only`);
  });

  it('lists what reaches 90% confidence against the plan', () => {
    expect(html).toContain('<h3>To reach 90% confidence</h3>');
    expect(html).toContain(
      `<li>Income sustainable: <strong>${usd(solved(simulation, 'income'))} a year</strong> (plan: $60,000 a year)</li>`,
    );
    expect(html).toContain(
      `<li>Saving needed: <strong>${usd(solved(simulation, 'contribution'))} a year</strong> (plan: $12,000 a year)</li>`,
    );
    expect(html).toContain(
      `<li>Earliest retirement age: <strong>${solved(simulation, 'retirement_age')}</strong> (plan: 65)</li>`,
    );
  });

  it('tables the four strategies by name with success, target met and spending', () => {
    const names = [
      "Constant real (target rising with inflation) (the plan's)",
      '4.0% of the portfolio each year',
      'Guardrails (Guyton-Klinger)',
      'Variable percentage withdrawal (VPW)',
    ];
    expect(tableRows(html, 'Spending strategies')).toEqual(
      simulation.strategies.map((result, i) => [
        names[i],
        pct(result.success_rate),
        pct(result.target_met_rate),
        usd(result.spending.annual.p50),
        usd(result.spending.lowest_year.p50),
      ]),
    );
  });

  it('tables the success rate by method with and without fees', () => {
    const rate = (method: string, fees: boolean) =>
      pct(
        simulation.sensitivity.find((row) => row.method === method && row.fees === fees)?.success_rate ?? -1,
      );
    const windows = simulation.sensitivity.find((row) => row.method === 'historical')?.paths;
    expect(tableRows(html, 'Success rate by method and fees')).toEqual([
      ['Parametric (simulated markets) 500 paths', rate('parametric', true), rate('parametric', false)],
      [
        `Historical (rolling windows) ${windows} windows`,
        rate('historical', true),
        rate('historical', false),
      ],
      ['Bootstrap (resampled history) 500 paths', rate('bootstrap', true), rate('bootstrap', false)],
    ]);
  });

  it('lists the plan simulated with percents, ages, money, other income, fees, strategy and method', () => {
    for (const text of [
      '<li>Allocation: Equity 60.0%, Fixed income 30.0%, Cash 10.0%</li>',
      '<li>Ages: now 45, retiring at 65, planned to 95</li>',
      '<li>Contribution: $12,000 a year until retirement</li>',
      '<li>Target income: $60,000 a year in retirement, other income included</li>',
      '<li>&lt;script&gt;x&lt;/script&gt;: $20,000 a year from age 67 for life, rising with inflation</li>',
      '<li>Pension: $5,000 a year from age 65 to 85, fixed in dollars</li>',
      '<li>Fees: expense ratio 0.12%, advisory fee 0.50% a year</li>',
      '<li>Spending strategy: Constant real (target rising with inflation)</li>',
      `<li>Method: Parametric (simulated markets). <span class="note">${escapeHtml(simulation.method_reason)}</span></li>`,
    ])
      expect(html).toContain(text);
  });

  it('shows persistent inflation with its persistence', () => {
    const inflation = simulation.assumptions?.inflation;
    expect(inflation).toBeDefined();
    expect(html).toContain(
      `Inflation: mean ${pct(inflation?.mean ?? 0)} a year, never below ${pct(inflation?.floor ?? 0)}, persistence ${inflation?.persistence} from year to year`,
    );
  });

  it('keeps user-written income names as text', () => {
    expect(html).toContain(escapeHtml(HOSTILE_NAME));
    expect(renderJobHtml(jobWithSimulation(simulation))).not.toMatch(/<script/i);
  });

  it('puts every table in a horizontally scrollable container, for narrow screens', () => {
    expect(html.match(/<table>/g)).toHaveLength(3);
    expect(html.match(/<div class="table-scroll"><table>/g)).toHaveLength(3);
  });
});

describe('the retirement section for the historical methods', () => {
  const historical = v2Simulation({ method: 'historical' });
  const html = retirementSection(historical);

  it('says the overlapping windows have no sampling interval', () => {
    expect(historical.success_rate_ci95).toBeNull();
    expect(html).toContain('<div class="label">overlapping historical windows: no sampling interval</div>');
    expect(html).toContain('<div class="label">historical windows</div>');
  });

  it('shows the history source, years, sampling and asset-class mapping in place of assumptions', () => {
    const history = historical.history;
    if (history === null) throw new Error('historical fixture has no history');
    expect(html).toContain('<h3>Market history</h3>');
    expect(html).not.toContain('<h3>Key assumptions</h3>');
    for (const text of [
      `<li>Source: ${escapeHtml(history.source)}</li>`,
      `<li>Years: ${history.first_year}–${history.last_year}</li>`,
      '<li>Sampling: every rolling window of consecutive years</li>',
      `<li>Equity: ${escapeHtml(history.mapping.equity ?? '')}</li>`,
      `<li>Cash: ${escapeHtml(history.mapping.cash ?? '')}</li>`,
    ])
      expect(html).toContain(text);
  });

  it('gives the bootstrap block size', () => {
    const bootstrap = v2Simulation({ method: 'bootstrap' });
    expect(bootstrap.history?.block_years).toBeGreaterThan(0);
    expect(retirementSection(bootstrap)).toContain(
      `<li>Sampling: blocks of ${bootstrap.history?.block_years} consecutive years drawn at random</li>`,
    );
  });
});

describe('the retirement section with partial answers', () => {
  it("shows the solver's note when a figure has no value", () => {
    const retired = v2Simulation({ currentAge: 66, retirementAge: 66, annualContribution: 0 });
    const note = retired.solves.find((answer) => answer.target === 'contribution')?.note;
    expect(note).toBeTruthy();
    expect(retirementSection(retired)).toContain(`<li>Saving needed: ${escapeHtml(note ?? '')}</li>`);
  });

  it('says an earliest retirement age at the end age is not before the plan ends', () => {
    const simulation = structuredClone(v2Simulation());
    simulation.solves = simulation.solves.map((answer) =>
      answer.target === 'retirement_age' ? { ...answer, value: 95 } : answer,
    );
    expect(retirementSection(simulation)).toContain(
      "<li>Earliest retirement age: <strong>not before the plan's end age (95)</strong> (plan: 65)</li>",
    );
  });

  it('leaves out the comparison and the plan list when no plan was stored', () => {
    const { plan: _plan, ...simulation } = v2Simulation();
    const html = retirementSection(simulation);
    expect(html).toContain('<h3>To reach 90% confidence</h3>');
    expect(html).not.toContain('(plan:');
    expect(html).not.toContain('Plan simulated');
  });

  it('notes a plan stored in an unexpected shape instead of failing', () => {
    const html = retirementSection({ ...v2Simulation(), plan: { weights: 'sixty-forty' } });
    expect(html).toContain('The plan simulated was stored in a shape this page does not read.');
    expect(html).toContain('<h3>Spending strategies</h3>');
  });
});

describe('the retirement section for a payload written before engine v2', () => {
  const html = renderJobHtml(completeJob());

  it('renders the interval as the only caveat and none of the new blocks', () => {
    expect(html).toContain('<div class="label">success rate (95% CI 77.6% – 79.2%)</div>');
    for (const text of [
      'range across',
      'To reach',
      'Spending strategies',
      'by method and fees',
      'Plan simulated',
    ])
      expect(html).not.toContain(text);
    expect(html).toContain('<h3>Key assumptions</h3>');
    expect(html).toContain('Inflation: mean 3.0% a year, volatility 3.0%');
  });
});

describe('the retirement section never shows a missing number', () => {
  const variants: [string, unknown][] = [
    ['before engine v2', completeJob().retirement_payload],
    ['parametric', { ...(completeJob().retirement_payload as object), simulation: v2Simulation() }],
    [
      'historical',
      { ...(completeJob().retirement_payload as object), simulation: v2Simulation({ method: 'historical' }) },
    ],
    [
      'percent of portfolio',
      {
        ...(completeJob().retirement_payload as object),
        simulation: v2Simulation({ strategy: { kind: 'percent_of_portfolio', rate: 0.035 } }),
      },
    ],
  ];

  it.each(variants)('writes no "undefined" or "NaN" (%s)', (_, payload) => {
    const html = renderJobHtml({ ...completeJob(), retirement_payload: payload });
    expect(html).toContain('<section id="retirement"><h2>Retirement</h2>\n<div class="stats">');
    expect(html).not.toMatch(/undefined|NaN/);
  });
});
