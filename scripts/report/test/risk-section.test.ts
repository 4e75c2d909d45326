import { portfolioRisk } from '@alex/analytics';
import { describe, expect, it } from 'vitest';
import { renderRiskSection } from '../src/risk-section';

describe('renderRiskSection', () => {
  const risk = portfolioRisk(
    { equity: 0.6, fixed_income: 0.4 },
    { fees: { expenseRatio: 0.0012, value: 500_000 } },
  );

  it('shows the stored figures of the mix, each once, with the fund costs in dollars', () => {
    const html = renderRiskSection(risk);
    expect(html).toContain('<h2>Risk and cost</h2>');
    expect(html).toContain(`Worst year (${risk.worst_year.year})`);
    expect(html).toContain(`${(risk.full_history.volatility * 100).toFixed(1)}%`);
    expect(html).toContain('$600.00 a year');
    for (const period of risk.stress_periods) expect(html).toContain(period.id);
    expect(html).not.toMatch(/undefined|NaN/);
  });

  it('leaves the section out for payloads without risk figures', () => {
    expect(renderRiskSection(undefined)).toBe('');
    expect(renderRiskSection(null)).toBe('');
    expect(renderRiskSection({ volatility: 'high' })).toBe('');
  });
});
