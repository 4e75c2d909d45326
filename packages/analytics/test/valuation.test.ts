import type { Instrument, Portfolio } from '@alex/contracts';
import { describe, expect, it } from 'vitest';
import { MAX_VALUED_CENTS, toCents, valuePortfolio } from '../src';

const at = new Date('2026-01-01T00:00:00Z');
const instrument = (symbol: string, currentPrice: number | null): Instrument => ({
  symbol,
  name: `${symbol} fund`,
  instrumentType: 'etf',
  currentPrice,
  allocationAssetClass: {},
  allocationRegions: {},
  allocationSectors: {},
  expenseRatio: null,
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
    targetsSet: false,
    otherIncome: [],
    advisoryFee: null,
    endAge: null,
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

describe('valuePortfolio at the ceiling of exact totals', () => {
  const MAX_QUANTITY = 999_999_999_999.9999; // the largest quantity numeric(20, 8) stores that a double can hold
  const MAX_PRICE = 99_999_999.9999; // numeric(12, 4)
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

  it('values a position of exactly MAX_VALUED_CENTS and leaves one cent more out as out of range', () => {
    const valuation = valuePortfolio(
      portfolio([
        account(id(1), 'A', 0, [['EDGE', 999_999_999.999999, 10_000]]),
        account(id(2), 'B', 0, [['OVER', 999_999_999.9999999, 10_000]]),
      ]),
    );
    expect(toCents(valuation.total)).toBe(MAX_VALUED_CENTS);
    expect(valuation.total).toBe(9_999_999_999_999.99);
    expect(valuation.outOfRange).toEqual([
      {
        accountId: id(2),
        accountName: 'B',
        symbol: 'OVER',
        name: 'OVER fund',
        quantity: 999_999_999.9999999,
        price: 10_000,
        value: null,
        reason: 'value out of range',
      },
    ]);
    expect(valuation.accounts[1]).toMatchObject({ positionsValue: 0, total: 0 });
  });

  it('leaves a position at the largest storable quantity and price out of every total, not the cash', () => {
    const valuation = valuePortfolio(
      portfolio([
        account(id(1), 'A', 9_999_999_999.99, [
          ['MAX', MAX_QUANTITY, MAX_PRICE],
          ['SPY', 1, 450.25],
        ]),
      ]),
    );
    expect([valuation.total, valuation.cash, valuation.positionsValue]).toEqual([
      10_000_000_450.24, 9_999_999_999.99, 450.25,
    ]);
    expect(valuation.outOfRange.map((p) => [p.symbol, p.price, p.reason])).toEqual([
      ['MAX', MAX_PRICE, 'value out of range'],
    ]);
    expect(valuation.unpriced).toEqual([]);
  });

  it('leaves out the fewest, largest positions that would carry the total beyond the ceiling', () => {
    const tenMillion = 10_000_000; // storable prices and quantities whose values reach trillions
    const valuation = valuePortfolio(
      portfolio([
        account(id(1), 'A', 1, [
          ['T1', 100_000, tenMillion], // $1T
          ['T5A', 500_000, tenMillion], // $5T
          ['T3', 300_000, tenMillion], // $3T
        ]),
        account(id(2), 'B', 0, [
          ['T5B', 500_000, tenMillion], // $5T, a tie with T5A: the later one is left out
          ['SMALL', 2, 10],
        ]),
      ]),
    );
    expect(valuation.outOfRange.map((p) => p.symbol)).toEqual(['T5B']);
    expect(valuation.total).toBe(9_000_000_000_021);
    expect(toCents(valuation.total)).toBeLessThanOrEqual(MAX_VALUED_CENTS);
    const accountCents = valuation.accounts.reduce((sum, a) => sum + toCents(a.total), 0);
    expect(accountCents).toBe(toCents(valuation.total));
  });
});
