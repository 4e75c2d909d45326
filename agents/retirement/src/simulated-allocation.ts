import type { PortfolioAnalytics } from '@alex/analytics';
import type { AssetClassType, Portfolio } from '@alex/contracts';

/** The allocation the projection invests everything in, and where it came from. */
export interface SimulatedAllocation {
  weights: Partial<Record<AssetClassType, number>>;
  source: 'targets' | 'holdings' | 'default';
}

/** Used only when the person has neither target allocation nor classified holdings; labelled as a default. */
const DEFAULT_WEIGHTS: Partial<Record<AssetClassType, number>> = { equity: 0.7, fixed_income: 0.3 };

/**
 * The allocation simulated: the person's target allocation when set, else the current allocation of their
 * classified holdings (account cash left out, since it is invested to the allocation like every
 * contribution), else a stated default. Investing idle cash is why more money never lowers the success rate.
 */
export function simulatedAllocation(
  portfolio: Portfolio,
  analytics: PortfolioAnalytics,
): SimulatedAllocation {
  const targets = Object.entries(portfolio.user.assetClassTargets).filter(
    ([, percent]) => (percent ?? 0) > 0,
  );
  if (targets.length > 0) {
    const total = targets.reduce((sum, [, percent]) => sum + (percent ?? 0), 0);
    return {
      weights: Object.fromEntries(targets.map(([key, percent]) => [key, (percent ?? 0) / total])),
      source: 'targets',
    };
  }
  const invested = analytics.assetClasses.entries
    .map((entry) => ({
      key: entry.key,
      value: entry.key === 'cash' ? entry.value - analytics.valuation.cash : entry.value,
    }))
    .filter((entry) => entry.value > 0.005);
  const total = invested.reduce((sum, entry) => sum + entry.value, 0);
  if (total <= 0) return { weights: DEFAULT_WEIGHTS, source: 'default' };
  return {
    weights: Object.fromEntries(invested.map((entry) => [entry.key, entry.value / total])),
    source: 'holdings',
  };
}
