import type { Instrument } from '@alex/contracts';
import { describe, expect, it } from 'vitest';
import { analysePortfolio, computeCharts, MAX_VALUED_CENTS, toCents } from '../../src';
import { account, instrument, portfolio, SEED } from './fixtures';

// The largest values the columns store (numeric(20, 8) quantity, numeric(12, 4) price, numeric(12, 2) money)
// and the most accounts and positions an import accepts.
const MAX_QUANTITY = 999_999_999_999.9999;
const MAX_PRICE = 99_999_999.9999;
const MAX_MONEY = 9_999_999_999.99;
const ACCOUNTS = 100;
const POSITIONS = 1000;

function classifiedInstruments(price: number): Instrument[] {
  const { allocationAssetClass, allocationRegions, allocationSectors } = SEED.SPY;
  return Array.from({ length: POSITIONS }, (_, i) =>
    instrument(`M${i}`, price, { allocationAssetClass, allocationRegions, allocationSectors }),
  );
}

function fullPortfolio(price: number) {
  const instruments = classifiedInstruments(price);
  return portfolio(
    Array.from({ length: ACCOUNTS }, (_, a) =>
      account(
        `Account ${a}`,
        MAX_MONEY,
        instruments.map((held): [Instrument, number] => [held, MAX_QUANTITY]),
      ),
    ),
    {
      assetClassTargets: { equity: 70, fixed_income: 30 },
      regionTargets: { north_america: 50, international: 50 },
    },
  );
}

// Every figure must be a whole number of cents that adds up: the checks computeCharts and apportion rely on.
function expectExactTotals(analytics: ReturnType<typeof analysePortfolio>): void {
  const { valuation } = analytics;
  expect(toCents(valuation.total)).toBeLessThanOrEqual(MAX_VALUED_CENTS);
  expect(toCents(valuation.cash) + toCents(valuation.positionsValue)).toBe(toCents(valuation.total));
  expect(valuation.accounts.reduce((sum, a) => sum + toCents(a.total), 0)).toBe(toCents(valuation.total));
  const assetCents = analytics.assetClasses.entries.reduce((sum, entry) => sum + toCents(entry.value), 0);
  expect(assetCents).toBe(toCents(analytics.assetClasses.covers));
}

describe('a portfolio with every field at its column maximum', () => {
  it('is analysed and charted with positions beyond the ceiling left out as out of range', () => {
    const analytics = analysePortfolio(fullPortfolio(MAX_PRICE));
    const { valuation } = analytics;
    // 100 accounts of $9,999,999,999.99 cash; each position (~$1e20) is out of range.
    expect(valuation.total).toBe(999_999_999_999);
    expect(valuation.positionsValue).toBe(0);
    expect(valuation.outOfRange).toHaveLength(ACCOUNTS * POSITIONS);
    expect(new Set(valuation.outOfRange.map((p) => p.reason))).toEqual(new Set(['value out of range']));
    expectExactTotals(analytics);
    const charts = computeCharts(analytics);
    expect(charts.account_breakdown?.data.reduce((sum, d) => sum + toCents(d.value), 0)).toBe(
      toCents(valuation.total),
    );
  });

  it('values as many huge positions as fit under the ceiling, every total exact', () => {
    // Each position is the largest quantity at $1: $1,000,000,000,000.00; cash alone is $999,999,999,999.
    const analytics = analysePortfolio(fullPortfolio(1));
    const { valuation } = analytics;
    const valued = ACCOUNTS * POSITIONS - valuation.outOfRange.length;
    expect(valued).toBe(9);
    expect(valuation.total).toBe(9_999_999_999_999);
    expectExactTotals(analytics);
    expect(analytics.concentration.holdings.reduce((sum, h) => sum + toCents(h.value), 0)).toBe(
      toCents(valuation.positionsValue),
    );
    expect(() => computeCharts(analytics)).not.toThrow();
  });
});
