import { describe, expect, it } from 'vitest';
import type { AnnualMarketYear } from '../../src/retirement/history';
import { PortfolioRisk, portfolioRisk } from '../../src/risk/portfolio-risk';

// A made-up history. All-equity real returns are (1 + stocks) / (1 + inflation) − 1; bonds are never held.
const table: AnnualMarketYear[] = [
  { year: 1999, stocks: 0.1, bonds: 0.03, inflation: 0 }, //     real  0.10, index 1.1
  { year: 2000, stocks: -0.2, bonds: 0.05, inflation: 0 }, //    real −0.20, index 0.88
  { year: 2001, stocks: 0.008, bonds: 0.02, inflation: 0.12 }, // real 1.008 / 1.12 − 1 = −0.10, index 0.792
  { year: 2002, stocks: 0.25, bonds: 0.04, inflation: 0 }, //    real  0.25, index 0.99
  { year: 2003, stocks: 0, bonds: 0.01, inflation: 0 }, //       real  0,    index 0.99
  { year: 2004, stocks: 0.2, bonds: 0, inflation: 0 }, //        real  0.20, index 1.188
];

describe('portfolioRisk on a six-year table', () => {
  const risk = portfolioRisk({ equity: 1 }, { history: table });

  it('gives the mean and the sample volatility of the real returns', () => {
    // Mean 0.25 / 6 = 0.041667. Σr² = 0.01 + 0.04 + 0.01 + 0.0625 + 0 + 0.04 = 0.1625;
    // Σ(r − mean)² = 0.1625 − 6 · (0.25 / 6)² = 0.9125 / 6; sd = √(0.9125 / 6 / 5) = √0.030417 = 0.174404.
    expect(risk.full_history).toMatchObject({ from: 1999, to: 2004, years: 6 });
    expect(risk.full_history.mean_real_return).toBeCloseTo(0.25 / 6, 12);
    expect(risk.full_history.volatility).toBeCloseTo(Math.sqrt(0.9125 / 30), 12);
    expect(risk.full_history.volatility).toBeCloseTo(0.174404, 6);
    // Compound: the index ends at 1.188 after six years.
    expect(risk.full_history.annualised_real_return).toBeCloseTo(1.188 ** (1 / 6) - 1, 12);
    // Every year is from 1926 on, so the modern-era window is the whole table.
    expect(risk.since_1926).toEqual(risk.full_history);
  });

  it('finds the worst and the best year in real terms', () => {
    expect(risk.worst_year.year).toBe(2000);
    expect(risk.worst_year.real_return).toBeCloseTo(-0.2, 12);
    expect(risk.best_year.year).toBe(2002);
    expect(risk.best_year.real_return).toBeCloseTo(0.25, 12);
  });

  it('measures the drawdown from the 1999 peak to the 2001 trough and its recovery in 2004', () => {
    // Peak 1.1 at the end of 1999, trough 0.792 at the end of 2001: 0.792 / 1.1 − 1 = −0.28. The index is
    // 0.99 at the end of 2002 and 2003 (still below 1.1) and 1.188 at the end of 2004: back in 2004 − 2001 = 3.
    expect(risk.max_drawdown?.drawdown).toBeCloseTo(-0.28, 12);
    expect(risk.max_drawdown).toMatchObject({
      peak_year: 1999,
      trough_year: 2001,
      recovery_year: 2004,
      recovery_years: 3,
    });
  });

  it('reports no recovery when the table ends below the old peak', () => {
    // Without 2004 the index ends at 0.99 < 1.1. Returns 0.1, −0.2, −0.1, 0.25, 0: mean 0.01,
    // Σ(r − mean)² = 0.1225 − 5 · 0.0001 = 0.122, sd = √(0.122 / 4) = 0.174642.
    const unrecovered = portfolioRisk({ equity: 1 }, { history: table.slice(0, 5) });
    expect(unrecovered.max_drawdown?.drawdown).toBeCloseTo(-0.28, 12);
    expect(unrecovered.max_drawdown).toMatchObject({
      peak_year: 1999,
      trough_year: 2001,
      recovery_year: null,
      recovery_years: null,
    });
    expect(unrecovered.full_history.volatility).toBeCloseTo(Math.sqrt(0.122 / 4), 12);
  });

  it('compounds the real return over a stress period and leaves out periods the table does not cover', () => {
    // 2000-2002: 0.8 · 0.9 · 1.25 = 0.9, a real return of −0.10. 1973-74, 2008 and 2022 are not in the table.
    expect(risk.stress_periods).toHaveLength(1);
    expect(risk.stress_periods[0]).toMatchObject({ id: '2000-2002', from: 2000, to: 2002 });
    expect(risk.stress_periods[0]?.real_return).toBeCloseTo(-0.1, 12);
  });

  it('deflates cash to a real return of zero, so half cash halves every real return', () => {
    // 2001: 1 + 0.5 · 0.008 + 0.5 · 0.12 = 1.064, / 1.12 = 0.95. 2000-2002: 0.9 · 0.95 · 1.125 = 0.961875.
    const halfCash = portfolioRisk({ equity: 0.5, cash: 0.5 }, { history: table });
    expect(halfCash.full_history.volatility).toBeCloseTo(Math.sqrt(0.9125 / 30) / 2, 12);
    expect(halfCash.worst_year.real_return).toBeCloseTo(-0.1, 12);
    expect(halfCash.stress_periods[0]?.real_return).toBeCloseTo(0.961875 - 1, 12);
    expect(Object.keys(halfCash.mapping)).toEqual(['equity', 'cash']);
    expect(halfCash.mapping.cash).toMatch(/inflation/);
  });

  it('normalises the weights and states the data range and source', () => {
    const risk = portfolioRisk({ equity: 3, fixed_income: 1, cash: 0 }, { history: table });
    expect(risk.weights).toEqual({ equity: 0.75, fixed_income: 0.25 });
    expect(risk.data).toEqual({ source: 'supplied history', first_year: 1999, last_year: 2004 });
  });

  it('prices the expense ratio at the portfolio value, to the cent', () => {
    // 123,456.78 × 0.000945 = 116.666657 → $116.67.
    const risk = portfolioRisk(
      { equity: 1 },
      { history: table, fees: { expenseRatio: 0.000945, value: 123_456.78 } },
    );
    expect(risk.cost).toEqual({ expense_ratio: 0.000945, value: 123_456.78, annual_cost: 116.67 });
    expect(portfolioRisk({ equity: 1 }, { history: table }).cost).toBeNull();
  });

  it('produces a result its schema accepts unchanged', () => {
    expect(PortfolioRisk.parse(risk)).toEqual(risk);
  });

  it('rejects weights that sum to zero or are negative', () => {
    expect(() => portfolioRisk({ equity: 0 }, { history: table })).toThrow(RangeError);
    expect(() => portfolioRisk({ equity: 1.2, cash: -0.2 }, { history: table })).toThrow(RangeError);
  });
});
