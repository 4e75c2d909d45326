import { describe, expect, it } from 'vitest';
import type { JobView } from '../src/job-view';
import { renderJobHtml } from '../src/render-job-html';
import { CHART_ORDER, completeJob, QUESTION } from './job-fixture';

/** Every src=, href= or url() that points at the network, in any quoting. */
function remoteReferences(html: string): string[] {
  return (
    html.match(
      /(?:\b(?:src|href|xlink:href|srcset)\s*=\s*["']?\s*(?:https?:)?\/\/|url\(\s*["']?\s*(?:https?:)?\/\/)/gi,
    ) ?? []
  );
}

function section(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}">`);
  expect(start).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('renderJobHtml for a complete job', () => {
  const html = renderJobHtml(completeJob());

  it('is one self-contained page: no script, no remote resources, under 300 KB', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(remoteReferences('<img src="https://x/a.png"><a href=//x>')).toHaveLength(2);
    expect(remoteReferences(html)).toEqual([]);
    expect(html).not.toMatch(/<link\b|@import|@font-face/i);
    expect(Buffer.byteLength(html, 'utf8')).toBeLessThan(300 * 1024);
  });

  const shown: { does: string; within?: string; texts: string[] }[] = [
    {
      does: 'shows the job facts in the run details',
      within: 'run',
      texts: [
        '7f0c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f',
        'test_user_001',
        '<span class="badge good">completed</span>',
        '<dt>Outcome</dt><dd><span class="badge good">complete</span></dd>',
        '2025-03-01 14:04:38 UTC',
      ],
    },
    {
      does: 'shows the run summary',
      within: 'run',
      texts: [
        '<tr><td>reporter</td><td><span class="badge good">succeeded</span></td><td class="num">15,230</td><td class="mono">gpt-test</td><td>—</td></tr>',
        '<dt>Plan source</dt><dd>model</dd>',
        '<tr><td class="num">1</td><td>reporter</td><td>The question is about concentration.</td><td class="num">90%</td></tr>',
        '<li>charter added: every analysis draws its charts</li>',
        '<td class="num">18,342</td><td class="num">3,115</td>',
      ],
    },
    {
      does: 'renders the report markdown below the page headings',
      within: 'report',
      texts: [
        '<h3>Portfolio analysis for Test User</h3>',
        '<td style="text-align:right">$66,812.50</td>',
        '<li><strong>SPY</strong> alone is 38.2% of the portfolio.</li>',
      ],
    },
    {
      // Table alignment from the markdown renderer and the legend swatches are inline style attributes.
      does: "allows inline styles, and nothing else, in the page's Content-Security-Policy",
      texts: [`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`],
    },
    {
      does: 'titles and describes the charts',
      within: 'charts',
      texts: ['<h3>Drift from targets</h3>', 'SPY is the largest single position.'],
    },
    {
      does: 'shows the retirement fan chart, success rate with interval and assumptions',
      within: 'retirement',
      texts: [
        'class="band-outer"',
        '78.4%',
        '95% CI 77.6% – 79.2%',
        'Equity: mean 10.0% a year, volatility 18.0%',
        'End age: 95',
        '<h3>Retirement projection</h3>',
      ],
    },
    {
      does: 'flags only the chart the offline templates described',
      texts: ['<strong>Written without a language model:</strong> one chart description came'],
    },
  ];

  it.each(shown)('$does', ({ within, texts }) => {
    const part = within === undefined ? html : section(html, within);
    for (const text of texts) expect(part).toContain(text);
  });

  it('draws every chart in its order field, not in stored key order', () => {
    const charts = section(html, 'charts');
    const ids = [...charts.matchAll(/<figure class="chart" id="chart-([a-z_]+)">/g)].map(([, id]) => id);
    expect(ids).toEqual(CHART_ORDER);
    // Pies fit a phone as drawn; the bar charts come in a wide and a narrow drawing.
    expect(charts.match(/<svg /g)).toHaveLength(6);
  });

  it('opens with the headline, the question and the observations, and keeps the run details last', () => {
    const order = [...html.matchAll(/<section id="([a-z]+)"/g)].map(([, id]) => id);
    expect(order).toEqual(['headline', 'question', 'observations', 'report', 'charts', 'retirement', 'run']);
    expect(section(html, 'headline')).toContain(
      '<div class="stat"><div class="value">$99,437.50</div><div class="label">total value</div></div>',
    );
    expect(section(html, 'headline')).toContain(
      '<div class="value">78.4%</div><div class="label">retirement success rate</div>',
    );
  });

  it('moves the answer to the question out of the report to the top', () => {
    expect(section(html, 'question')).toContain(`<p>“${QUESTION}”</p>`);
    expect(section(html, 'question')).toContain('one fund, though it holds 500 companies.');
    expect(section(html, 'report')).not.toContain('500 companies');
    expect(section(html, 'report')).toContain('<h3>Portfolio analysis for Test User</h3>');
  });

  it('lists the observations computed from the charts', () => {
    expect(section(html, 'observations')).toContain(
      [
        '<li>The largest holding is SPY - SPDR S&amp;P 500 ETF Trust: $38,000.00, 38.2% of the portfolio.</li>',
        '<li>Cash is 8.5% of the portfolio ($8,500.00).</li>',
        '<li>Equity is $7,150.25 above its target.</li>',
      ].join(''),
    );
  });

  it('lists the depletion probability every five years from 65 to 95', () => {
    const retirement = section(html, 'retirement');
    const ages = [
      ...retirement.matchAll(/<tr><td class="num">(\d+)<\/td><td class="num">[\d.]+%<\/td><\/tr>/g),
    ];
    expect(ages.map(([, age]) => Number(age))).toEqual([65, 70, 75, 80, 85, 90, 95]);
  });
});

describe('renderJobHtml for incomplete jobs', () => {
  const empty: JobView = {
    ...completeJob(),
    status: 'failed',
    error_message: 'every specialist failed (reporter: <timeout>)',
    completed_at: null,
    report_payload: null,
    charts_payload: null,
    retirement_payload: null,
    summary_payload: null,
  };

  it('renders a "not available" block for every missing payload', () => {
    const html = renderJobHtml(empty);
    expect(html).toContain('<strong>Run summary not available:</strong> no summary_payload was stored');
    expect(html).toContain('<strong>Report not available:</strong> no report_payload was stored');
    expect(html).toContain('<strong>Charts not available:</strong> no charts_payload was stored');
    expect(html).toContain(
      '<strong>Retirement analysis not available:</strong> no retirement_payload was stored',
    );
    expect(html).toContain('every specialist failed (reporter: &lt;timeout&gt;)');
    expect(html).toContain('<dt>Completed</dt><dd>—</dd>');
    expect(html).not.toContain('class="banner"');
  });

  it('names what is wrong with an invalid payload instead of throwing', () => {
    const html = renderJobHtml({
      ...empty,
      report_payload: { content: '', agent: 'reporter' },
      charts_payload: { allocation: { title: 'x', type: 'radar', description: '', data: [] } },
      retirement_payload: 'not an object',
      summary_payload: [],
    });
    expect(html).toMatch(
      /Report not available:<\/strong> the stored report_payload is not in the expected shape \(content: /,
    );
    expect(html).toContain('allocation.type');
    expect(html).toMatch(/Retirement analysis not available:<\/strong> the stored retirement_payload is not/);
    expect(html).toMatch(/Run summary not available:<\/strong> the stored summary_payload is not/);
  });

  it('says what a partial run left out and assumed at the top, before the report', () => {
    const job = completeJob();
    const summary = {
      ...(job.summary_payload as object),
      outcome: 'partial',
      gaps: [
        {
          kind: 'unpriced',
          symbols: ['NEWCO'],
          detail: 'NEWCO has no price <yet>, so it is not valued.',
          value_left_out: null,
        },
      ],
      assumptions: ['Retirement horizon: age 95 assumed, as no age is stored.'],
    };
    const html = renderJobHtml({ ...job, summary_payload: summary });
    const gaps = section(html, 'gaps');
    expect(gaps).toContain(
      '<h3>Left out</h3><ul><li>NEWCO has no price &lt;yet&gt;, so it is not valued.</li></ul>',
    );
    expect(gaps).toContain(
      '<h3>Assumed</h3><ul><li>Retirement horizon: age 95 assumed, as no age is stored.</li></ul>',
    );
    expect(html.indexOf('<section id="gaps">')).toBeLessThan(html.indexOf('<section id="report">'));
    expect(renderJobHtml(completeJob())).not.toContain('<section id="gaps">');
  });

  it('leaves out the sections of agents the plan did not run, and an empty chart set', () => {
    const job = completeJob();
    const summary = structuredClone(job.summary_payload) as {
      plan: { required: string[]; executed: string[] };
    };
    summary.plan.required = ['reporter'];
    summary.plan.executed = ['reporter'];
    const html = renderJobHtml({
      ...job,
      summary_payload: summary,
      retirement_payload: null,
      charts_payload: {},
    });
    expect(html).not.toContain('<section id="retirement">');
    expect(html).not.toContain('<section id="charts">');
    expect(html).toContain('<section id="report">');
  });

  it('lists every offline part in the banner', () => {
    const job = completeJob();
    const report = { ...(job.report_payload as object), model: 'offline' };
    const retirement = { ...(job.retirement_payload as object), model: 'offline' };
    const html = renderJobHtml({ ...job, report_payload: report, retirement_payload: retirement });
    expect(html).toContain(
      '<strong>Written without a language model:</strong> the report, one chart description and the retirement analysis came',
    );
  });

  it('keeps model-written text from injecting markup anywhere on the page', () => {
    const job = completeJob();
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(1)>[x](javascript:alert(1))';
    const report = { ...(job.report_payload as object), content: hostile };
    const html = renderJobHtml({ ...job, report_payload: report, clerk_user_id: '"><script>x</script>' });
    expect(html).not.toMatch(/<script|<img|javascript:/i);
  });
});
