import { describe, expect, it } from 'vitest';
import { costLine, formatUsd } from '../src';
import { renderJobHtml } from '../src/render-job-html';
import { completeJob } from './job-fixture';

describe('costs as shown', () => {
  it('shows dollars under a dollar to four decimals, cents otherwise, and says when a model has no price', () => {
    expect(formatUsd(0.00146)).toBe('$0.0015');
    expect(formatUsd(0.4249)).toBe('$0.4249');
    expect(formatUsd(12.345)).toBe('$12.35');
    expect(formatUsd(0.00002)).toBe('<$0.0001');
    expect(formatUsd(0.99996)).toBe('$1.00');
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(null)).toBe('unpriced');
    expect(
      costLine({
        total_usd: null,
        by_agent: { planner: 0.0014, reporter: null },
        unpriced_models: ['llama3.1:8b'],
      }),
    ).toBe('unpriced (planner $0.0014, reporter unpriced); no price for llama3.1:8b (set MODEL_PRICES)');
    expect(costLine(undefined)).toBe('not recorded (job written before costs)');
  });

  it('puts the job’s cost by agent and each model’s dollars in the run details', () => {
    const job = completeJob();
    const summary = {
      ...(job.summary_payload as { usage: object[] }),
      usage: [
        { model: 'gpt-test', requests: 4, input_tokens: 18_342, output_tokens: 3_115, cost_usd: 0.0121 },
      ],
      cost: { total_usd: 0.0121, by_agent: { planner: 0.0011, reporter: 0.011 }, unpriced_models: [] },
    };
    const html = renderJobHtml({ ...job, summary_payload: summary });
    expect(html).toContain('<td class="num">3,115</td><td class="num">$0.0121</td>');
    expect(html).toContain(
      'Cost of this job: $0.0121 (planner $0.0011, reporter $0.0110), at on-demand list prices.',
    );
  });
});
