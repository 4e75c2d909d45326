import { describe, expect, it } from 'vitest';
import { portfolioRisk } from '../../src/risk/portfolio-risk';

// Sanity checks on the shipped 1871-2022 table: well-known episodes must show up where history puts them.
describe('portfolioRisk on US history', () => {
  const equity = portfolioRisk({ equity: 1 });
  const sixtyForty = portfolioRisk({ equity: 0.6, fixed_income: 0.4 });

  it('covers 1871-2022, and 1926-2022 for the modern era', () => {
    expect(equity.data).toMatchObject({ first_year: 1871, last_year: 2022 });
    expect(equity.full_history).toMatchObject({ from: 1871, to: 2022, years: 152 });
    expect(equity.since_1926).toMatchObject({ from: 1926, to: 2022, years: 97 });
  });

  it('finds 1931 as the worst year for all equity', () => {
    expect(equity.worst_year.year).toBe(1931);
    expect(equity.worst_year.real_return).toBeLessThan(-0.3);
  });

  it('gives 60/40 a shallower maximum drawdown and a lower volatility than all equity', () => {
    expect(sixtyForty.max_drawdown?.drawdown).toBeGreaterThan(equity.max_drawdown?.drawdown ?? 0);
    expect(sixtyForty.full_history.volatility).toBeLessThan(equity.full_history.volatility);
  });

  it('loses more than 30% in real terms in 2008 with all equity', () => {
    const crisis = equity.stress_periods.find((period) => period.id === '2008');
    expect(crisis?.real_return).toBeLessThan(-0.3);
    expect(equity.stress_periods.map((period) => period.id)).toEqual([
      '1973-1974',
      '2000-2002',
      '2008',
      '2022',
    ]);
  });

  it('states the mapping of every asset class held', () => {
    const mix = portfolioRisk({ equity: 0.7195, fixed_income: 0.1458, commodities: 0.0492, cash: 0.0855 });
    expect(Object.keys(mix.mapping)).toEqual(['equity', 'fixed_income', 'commodities', 'cash']);
  });
});
