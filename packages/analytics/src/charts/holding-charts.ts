import type { PortfolioAnalytics } from '../analysis';
import { type CoveredChart, capWithRest, coverageOf, coveredChart, uniqueNames } from './chart-data';
import { colorForName, fitName } from './chart-style';

/** How many holdings are drawn before the rest are grouped. */
const TOP_HOLDINGS = 10;

/** The most accounts drawn as their own bar (a chart holds at most 50 data). */
const MAX_ACCOUNTS = 49;

/** Each account's total (cash plus priced holdings) as a bar, in the portfolio's account order. */
export function accountBreakdownChart(analytics: PortfolioAnalytics): CoveredChart | null {
  const { accounts, total } = analytics.valuation;
  const names = uniqueNames(accounts.map((account) => fitName(account.name)));
  const bars = accounts
    .map((account, i) => {
      const name = names[i] ?? account.name;
      return { name, value: account.total, color: colorForName(name) };
    })
    .filter((bar) => bar.value > 0);
  // One account would draw a single bar equal to the total, which says nothing the other charts do not.
  if (bars.length < 2) return null;
  const coverage = coverageOf(total, total, "every account's cash and priced holdings", '');
  const data = capWithRest(bars, MAX_ACCOUNTS, 'Other accounts');
  return coveredChart('account_breakdown', data, total, coverage, analytics);
}

/** The largest holdings by symbol across accounts, the rest grouped. */
export function topHoldingsChart(analytics: PortfolioAnalytics): CoveredChart | null {
  const { concentration, valuation } = analytics;
  const bars = concentration.holdings
    .filter((holding) => holding.value > 0)
    .map((holding) => ({ name: holding.symbol, value: holding.value, color: colorForName(holding.symbol) }));
  const coverage = coverageOf(
    valuation.positionsValue,
    valuation.positionsValue,
    'all priced holdings (cash is not a holding)',
    '',
  );
  const data = capWithRest(bars, TOP_HOLDINGS, 'All other holdings');
  return coveredChart('top_holdings', data, valuation.positionsValue, coverage, analytics);
}
