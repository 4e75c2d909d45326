import type { Account } from '@alex/contracts';
import { describe, expect, it } from 'vitest';
import { MAX_VALUED_CENTS, toCents, valuePortfolio } from '../src';
import { account, instrument, portfolio, testUser001 } from './analysis/fixtures';

const valueAccounts = (...accounts: Account[]) => valuePortfolio(portfolio(accounts));

describe('valuePortfolio', () => {
  it('values the reference test user at 99,437.50 including cash', () => {
    const valuation = valuePortfolio(testUser001());
    expect(valuation.total).toBe(99437.5);
    expect(valuation.cash).toBe(8500);
    expect(valuation.positionsValue).toBe(90937.5);
    expect(valuation.accounts.map((a) => a.total)).toEqual([95937.5, 1000, 2500]);
    expect(valuation.accounts[0]?.positions.map((p) => p.value)).toEqual([45025, 19275, 14500, 7245, 4892.5]);
  });

  it('lists positions without a price separately and leaves them out of every total', () => {
    const valuation = valueAccounts(
      account('A', 10, [
        [instrument('SPY', 450.25), 1],
        [instrument('NEWCO', null), 1000],
      ]),
    );
    expect(valuation.total).toBe(460.25);
    expect(valuation.unpriced.map((p) => [p.symbol, p.value])).toEqual([['NEWCO', null]]);
    expect(valuation.accounts[0]?.positionsValue).toBe(450.25);
  });

  it('sums in cents so fractional quantities reconcile exactly', () => {
    const valuation = valueAccounts(
      account('A', 0.1, [
        [instrument('X', 0.2), 0.1],
        [instrument('Y', 0.1), 3],
      ]),
    );
    expect(valuation.positionsValue).toBe(0.32);
    expect(valuation.total).toBe(0.42);
  });
});

describe('valuePortfolio at the ceiling of exact totals', () => {
  const MAX_QUANTITY = 999_999_999_999.9999; // the largest quantity numeric(20, 8) stores that a double can hold
  const MAX_PRICE = 99_999_999.9999; // numeric(12, 4)

  it('values a position of exactly MAX_VALUED_CENTS and leaves one cent more out as out of range', () => {
    const over = account('B', 0, [[instrument('OVER', 10_000), 999_999_999.9999999]]);
    const valuation = valueAccounts(
      account('A', 0, [[instrument('EDGE', 10_000), 999_999_999.999999]]),
      over,
    );
    expect(toCents(valuation.total)).toBe(MAX_VALUED_CENTS);
    expect(valuation.total).toBe(9_999_999_999_999.99);
    expect(valuation.outOfRange).toEqual([
      {
        accountId: over.id,
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
    const valuation = valueAccounts(
      account('A', 9_999_999_999.99, [
        [instrument('MAX', MAX_PRICE), MAX_QUANTITY],
        [instrument('SPY', 450.25), 1],
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
    const valuation = valueAccounts(
      account('A', 1, [
        [instrument('T1', tenMillion), 100_000], // $1T
        [instrument('T5A', tenMillion), 500_000], // $5T
        [instrument('T3', tenMillion), 300_000], // $3T
      ]),
      account('B', 0, [
        [instrument('T5B', tenMillion), 500_000], // $5T, a tie with T5A: the later one is left out
        [instrument('SMALL', 10), 2],
      ]),
    );
    expect(valuation.outOfRange.map((p) => p.symbol)).toEqual(['T5B']);
    expect(valuation.total).toBe(9_000_000_000_021);
    expect(toCents(valuation.total)).toBeLessThanOrEqual(MAX_VALUED_CENTS);
    const accountCents = valuation.accounts.reduce((sum, a) => sum + toCents(a.total), 0);
    expect(accountCents).toBe(toCents(valuation.total));
  });
});
