import type { Instrument, Portfolio } from '@alex/contracts';
import { describe, expect, it } from 'vitest';
import { valuePortfolio } from '../src';

const at = new Date('2026-01-01T00:00:00Z');
const instrument = (symbol: string, currentPrice: number | null): Instrument => ({
  symbol,
  name: `${symbol} fund`,
  instrumentType: 'etf',
  currentPrice,
  allocationAssetClass: {},
  allocationRegions: {},
  allocationSectors: {},
  updatedAt: at,
});

const account = (id: string, name: string, cash: number, holdings: [string, number, number | null][]) => ({
  id,
  clerkUserId: 'u1',
  accountName: name,
  accountPurpose: null,
  cashBalance: cash,
  cashInterest: 0,
  createdAt: at,
  positions: holdings.map(([symbol, quantity, price], i) => ({
    id: `00000000-0000-4000-8000-${id.slice(-4)}0000000${i}`,
    accountId: id,
    symbol,
    quantity,
    asOfDate: '2026-01-01',
    instrument: instrument(symbol, price),
  })),
});

const portfolio = (accounts: Portfolio['accounts']): Portfolio => ({
  user: {
    clerkUserId: 'u1',
    displayName: 'U',
    yearsUntilRetirement: 25,
    targetRetirementIncome: 100000,
    currentAge: null,
    annualContribution: null,
    assetClassTargets: {},
    regionTargets: {},
    createdAt: at,
    updatedAt: at,
  },
  accounts,
});

describe('valuePortfolio', () => {
  it('values the reference test user at 99,437.50 including cash', () => {
    const valuation = valuePortfolio(
      portfolio([
        account('00000000-0000-4000-8000-000000000001', '401(k)', 5000, [
          ['SPY', 100, 450.25],
          ['QQQ', 50, 385.5],
          ['BND', 200, 72.5],
          ['VEA', 150, 48.3],
          ['GLD', 25, 195.7],
        ]),
        account('00000000-0000-4000-8000-000000000002', 'Roth IRA', 1000, []),
        account('00000000-0000-4000-8000-000000000003', 'Taxable Brokerage', 2500, []),
      ]),
    );
    expect(valuation.total).toBe(99437.5);
    expect(valuation.cash).toBe(8500);
    expect(valuation.positionsValue).toBe(90937.5);
    expect(valuation.accounts.map((a) => a.total)).toEqual([95937.5, 1000, 2500]);
    expect(valuation.accounts[0]?.positions.map((p) => p.value)).toEqual([45025, 19275, 14500, 7245, 4892.5]);
  });

  it('lists positions without a price separately and leaves them out of every total', () => {
    const valuation = valuePortfolio(
      portfolio([
        account('00000000-0000-4000-8000-000000000001', 'A', 10, [
          ['SPY', 1, 450.25],
          ['NEWCO', 1000, null],
        ]),
      ]),
    );
    expect(valuation.total).toBe(460.25);
    expect(valuation.unpriced.map((p) => [p.symbol, p.value])).toEqual([['NEWCO', null]]);
    expect(valuation.accounts[0]?.positionsValue).toBe(450.25);
  });

  it('sums in cents so fractional quantities reconcile exactly', () => {
    const valuation = valuePortfolio(
      portfolio([
        account('00000000-0000-4000-8000-000000000001', 'A', 0.1, [
          ['X', 0.1, 0.2],
          ['Y', 3, 0.1],
        ]),
      ]),
    );
    expect(valuation.positionsValue).toBe(0.32);
    expect(valuation.total).toBe(0.42);
  });
});
