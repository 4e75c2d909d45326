import { describe, expect, it } from 'vitest';
import { analysePortfolio, type Breakdown } from '../../src/analysis';
import { toCents } from '../../src/money';
import { account, instrument, portfolio, SEED, testUser001 } from './fixtures';

const entryValue = (breakdown: Breakdown, key: string) =>
  breakdown.entries.find((entry) => entry.key === key)?.value;
const centsSum = (breakdown: Breakdown) =>
  breakdown.entries.reduce((sum, entry) => sum + toCents(entry.value), 0);

describe('analysePortfolio on the reference test user', () => {
  const analytics = analysePortfolio(testUser001());

  it('values the portfolio at 99,437.50 including 8,500 of cash', () => {
    expect(analytics.valuation.total).toBe(99437.5);
    expect(analytics.valuation.cash).toBe(8500);
    expect(analytics.unpriced).toEqual([]);
    expect(analytics.unclassified).toEqual([]);
  });

  it('splits the whole portfolio by asset class, cash included, each share rounded once to one decimal', () => {
    // 71,545 / 99,437.50 = 71.9497%: 71.9, not the 72.0 that rounding to basis points (71.95) first gave.
    // The four shares sum to 99.9: each is rounded once, none is bent to make the total 100.
    expect(analytics.assetClasses).toEqual({
      covers: 99437.5,
      entries: [
        { key: 'equity', value: 71545, percent: 71.9 },
        { key: 'fixed_income', value: 14500, percent: 14.6 },
        { key: 'cash', value: 8500, percent: 8.5 },
        { key: 'commodities', value: 4892.5, percent: 4.9 },
      ],
    });
  });

  it('splits the classified holdings by region and leaves cash out of the region covers', () => {
    expect(analytics.regions).toEqual({
      covers: 90937.5,
      entries: [
        { key: 'north_america', value: 78800, percent: 86.7 },
        { key: 'global', value: 4892.5, percent: 5.4 },
        { key: 'europe', value: 4347, percent: 4.8 },
        { key: 'asia', value: 2535.75, percent: 2.8 },
        { key: 'oceania', value: 362.25, percent: 0.4 },
      ],
    });
  });

  it('looks through every fund to sector values computed by hand', () => {
    const { sectors } = analytics;
    expect(sectors.covers).toBe(90937.5);
    // SPY 28% of 45,025 + QQQ 50% of 19,275 + VEA 10% of 7,245.
    expect(entryValue(sectors, 'technology')).toBe(22969);
    // SPY 13% of 45,025 + QQQ 8% of 19,275 + VEA 12% of 7,245.
    expect(entryValue(sectors, 'healthcare')).toBe(8264.65);
    // BND 42% of 14,500.
    expect(entryValue(sectors, 'treasury')).toBe(6090);
    expect(entryValue(sectors, 'other')).toBe(385.5);
    expect(sectors.entries).toHaveLength(17);
    expect(centsSum(sectors)).toBe(9093750);
    for (const entry of sectors.entries) {
      expect(Math.abs(entry.percent - (entry.value / sectors.covers) * 100)).toBeLessThanOrEqual(0.05);
      expect(entry.percent * 10).toBeCloseTo(Math.round(entry.percent * 10), 9);
    }
  });

  it('measures concentration by symbol against the total portfolio value', () => {
    const { concentration } = analytics;
    expect(concentration.holdings.map((holding) => [holding.symbol, holding.value, holding.percent])).toEqual(
      [
        ['SPY', 45025, 45.3],
        ['QQQ', 19275, 19.4],
        ['BND', 14500, 14.6],
        ['VEA', 7245, 7.3],
        ['GLD', 4892.5, 4.9],
      ],
    );
    expect(concentration.largestPercent).toBe(45.3);
    // 90,937.50 / 99,437.50 = 91.452%.
    expect(concentration.top5Percent).toBe(91.5);
    expect(concentration.herfindahl).toBe(0.3247);
  });

  it('measures asset-class drift over the total including cash; dollar drifts sum to zero', () => {
    expect(analytics.drift.assetClass).toEqual({
      base: 99437.5,
      foldedInto: null,
      entries: [
        {
          key: 'fixed_income',
          targetPercent: 30,
          actualPercent: 14.6,
          driftPercent: -15.4,
          driftValue: -15331.25,
        },
        { key: 'cash', targetPercent: 0, actualPercent: 8.5, driftPercent: 8.5, driftValue: 8500 },
        { key: 'commodities', targetPercent: 0, actualPercent: 4.9, driftPercent: 4.9, driftValue: 4892.5 },
        // Drift is the shown actual minus the shown target: 71.9 - 70.0 = 1.9 points, as the page prints both.
        { key: 'equity', targetPercent: 70, actualPercent: 71.9, driftPercent: 1.9, driftValue: 1938.75 },
      ],
    });
  });

  it('counts every region but north_america toward a coarse international target', () => {
    expect(analytics.drift.region).toEqual({
      base: 90937.5,
      foldedInto: 'international',
      entries: [
        // europe 4,347 + asia 2,535.75 + oceania 362.25 + global 4,892.50 = 12,137.50 against 45,468.75.
        {
          key: 'international',
          targetPercent: 50,
          actualPercent: 13.3,
          driftPercent: -36.7,
          driftValue: -33331.25,
        },
        {
          key: 'north_america',
          targetPercent: 50,
          actualPercent: 86.7,
          driftPercent: 36.7,
          driftValue: 33331.25,
        },
      ],
    });
  });
});

describe('analysePortfolio', () => {
  it('lists unpriced and unclassified positions and never guesses their allocation', () => {
    const partial = instrument('PART', 10, { allocationAssetClass: { equity: 100 } });
    const analytics = analysePortfolio(
      portfolio([
        account('A', 100, [
          [SEED.SPY, 1],
          [instrument('NEWCO', null), 5],
          [partial, 3],
        ]),
      ]),
    );
    expect(analytics.valuation.total).toBe(580.25);
    expect(analytics.unpriced.map((position) => [position.symbol, position.value])).toEqual([
      ['NEWCO', null],
    ]);
    expect(analytics.unclassified.map(({ symbol, value, missing }) => ({ symbol, value, missing }))).toEqual([
      { symbol: 'NEWCO', value: null, missing: ['assetClass', 'region', 'sector'] },
      { symbol: 'PART', value: 30, missing: ['region', 'sector'] },
    ]);
    expect(analytics.assetClasses.covers).toBe(580.25);
    expect(entryValue(analytics.assetClasses, 'equity')).toBe(480.25);
    expect(analytics.regions).toEqual({
      covers: 450.25,
      entries: [{ key: 'north_america', value: 450.25, percent: 100 }],
    });
    expect(analytics.sectors.covers).toBe(450.25);
  });

  it('gives leftover cents to the largest remainders so a breakdown sums exactly to its covers', () => {
    const split = instrument('SPLIT', 1.01, {
      allocationRegions: { europe: 50, asia: 50 },
      allocationSectors: { technology: 33.33, healthcare: 33.33, energy: 33.34 },
    });
    const third = instrument('THIRD', 0.01, { allocationRegions: { europe: 70, asia: 30 } });
    const analytics = analysePortfolio(
      portfolio([
        account('A', 0, [
          [split, 1],
          [third, 1],
          [third, 1],
        ]),
      ]),
    );
    // Exact shares: asia 50.5 + 0.3 + 0.3 = 51.1 cents, europe 50.5 + 0.7 + 0.7 = 51.9 cents; 103 in all.
    expect(analytics.regions.entries).toEqual([
      { key: 'europe', value: 0.52, percent: 50.5 },
      { key: 'asia', value: 0.51, percent: 49.5 },
    ]);
    // 101 cents: technology 33.6633, healthcare 33.6633, energy 33.6734; floors sum to 99 and the two
    // leftover cents go to the largest remainders: energy, then healthcare (the tie goes to the first key).
    expect(analytics.sectors.entries).toEqual([
      { key: 'energy', value: 0.34, percent: 33.7 },
      { key: 'healthcare', value: 0.34, percent: 33.7 },
      { key: 'technology', value: 0.33, percent: 32.7 },
    ]);
    expect(centsSum(analytics.sectors)).toBe(toCents(analytics.sectors.covers));
  });

  it('allocates a holding whole when its map sums to slightly under 100', () => {
    const near = instrument('NEAR', 100, { allocationAssetClass: { equity: 59.98, fixed_income: 40 } });
    const analytics = analysePortfolio(portfolio([account('A', 0, [[near, 1]])]));
    // Shares of the map's own 99.98: equity 5,999.2 cents, fixed income 4,000.8 cents; the spare cent goes to .8.
    expect(analytics.assetClasses).toEqual({
      covers: 100,
      entries: [
        { key: 'equity', value: 59.99, percent: 60 },
        { key: 'fixed_income', value: 40.01, percent: 40 },
      ],
    });
  });
});
