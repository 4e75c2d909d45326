import type { Chart, ChartsPayload } from '@alex/contracts';
import { describe, expect, it } from 'vitest';
import { analysePortfolio } from '../../src/analysis';
import {
  ASSET_CLASS_COLORS,
  CHART_KEYS,
  CHART_PALETTE,
  computeCharts,
  OTHER_COLOR,
  reconcileChart,
} from '../../src/charts';
import { account, instrument, portfolio, SEED, testUser001 } from '../analysis/fixtures';

const DEFAULT_TARGETS = {
  assetClassTargets: { equity: 70, fixed_income: 30 },
  regionTargets: { north_america: 50, international: 50 },
};

const points = (chart: Chart | undefined) => chart?.data.map((datum) => [datum.name, datum.value]);

/** Asserts every chart reconciles, to the cent, with the dollar value the test says it covers. */
function expectReconciled(charts: ChartsPayload, covers: Readonly<Record<string, number>>) {
  expect(Object.keys(charts).sort()).toEqual(Object.keys(covers).sort());
  for (const [key, chart] of Object.entries(charts)) {
    expect({ key, ...reconcileChart(chart, covers[key] ?? Number.NaN) }).toMatchObject({ key, ok: true });
  }
}

describe('computeCharts on the reference test user', () => {
  const charts = computeCharts(analysePortfolio(testUser001()));

  it('emits every chart, in catalog order, each summing to what it covers', () => {
    expect(Object.keys(charts)).toEqual([...CHART_KEYS]);
    expectReconciled(charts, {
      asset_allocation: 99437.5,
      geographic_exposure: 90937.5,
      sector_breakdown: 90937.5,
      account_breakdown: 99437.5,
      top_holdings: 90937.5,
      cash_vs_invested: 99437.5,
      target_drift: 0,
      region_drift: 0,
    });
  });

  it('draws the asset classes with cash as a pie and says what it covers', () => {
    expect(charts.asset_allocation).toEqual({
      title: 'Asset Allocation',
      type: 'pie',
      description:
        'Portfolio value by asset class, looking through each fund to what it holds; cash balances count as ' +
        'cash. Covers $99,437.50, the whole priced portfolio including cash.',
      data: [
        { name: 'Equity', value: 71545, color: '#209DD7' },
        { name: 'Fixed Income', value: 14500, color: '#753991' },
        { name: 'Cash', value: 8500, color: '#34D399' },
        { name: 'Commodities', value: 4892.5, color: '#062147' },
      ],
    });
  });

  it('draws regions as a donut over the classified holdings', () => {
    expect(charts.geographic_exposure?.type).toBe('donut');
    expect(points(charts.geographic_exposure)).toEqual([
      ['North America', 78800],
      ['Global', 4892.5],
      ['Europe', 4347],
      ['Asia', 2535.75],
      ['Oceania', 362.25],
    ]);
    expect(charts.geographic_exposure?.description).toContain('Covers $90,937.50, all priced holdings');
  });

  it('keeps the eight largest sectors and groups the rest, the other sector included', () => {
    expect(charts.sector_breakdown?.type).toBe('horizontalBar');
    expect(points(charts.sector_breakdown)).toEqual([
      ['Technology', 22969],
      ['Consumer Discretionary', 9091.2],
      ['Healthcare', 8264.65],
      ['Communication', 7691.25],
      ['Financials', 7157.35],
      ['Treasury', 6090],
      ['Industrials', 5644.8],
      ['Commodities', 4892.5],
      // consumer staples 4,317.30 + mortgage 3,915 + corporate 3,480 + energy 2,235.70 + utilities 1,640.55
      // + real estate 1,117.85 + materials 1,029.85 + government related 1,015 + other 385.50.
      ['Other sectors', 19136.75],
    ]);
    expect(charts.sector_breakdown?.data.at(-1)?.color).toBe(OTHER_COLOR);
  });

  it('draws accounts, holdings and cash against invested', () => {
    expect(charts.account_breakdown?.type).toBe('bar');
    expect(points(charts.account_breakdown)).toEqual([
      ['401(k)', 95937.5],
      ['Roth IRA', 1000],
      ['Taxable Brokerage', 2500],
    ]);
    expect(points(charts.top_holdings)).toEqual([
      ['SPY', 45025],
      ['QQQ', 19275],
      ['BND', 14500],
      ['VEA', 7245],
      ['GLD', 4892.5],
    ]);
    expect(points(charts.cash_vs_invested)).toEqual([
      ['Invested', 90937.5],
      ['Cash', 8500],
    ]);
  });

  it('draws drift in dollars, positive over target and negative under, netting to zero', () => {
    expect(charts.target_drift?.type).toBe('bar');
    expect(points(charts.target_drift)).toEqual([
      ['Fixed Income', -15331.25],
      ['Cash', 8500],
      ['Commodities', 4892.5],
      ['Equity', 1938.75],
    ]);
    expect(points(charts.region_drift)).toEqual([
      ['International', -33331.25],
      ['North America', 33331.25],
    ]);
    expect(charts.region_drift?.description).toContain(
      'Regions the targets do not name count toward International.',
    );
  });
});

describe('computeCharts', () => {
  const partial = instrument('PART', 12.34, { allocationAssetClass: { equity: 100 } });
  const split = instrument('SPLIT', 0.07, {
    allocationAssetClass: { equity: 33.33, fixed_income: 33.33, alternatives: 33.34 },
    allocationRegions: { europe: 50, asia: 25, africa: 25 },
    allocationSectors: { technology: 33.33, other: 33.33, energy: 33.34 },
  });
  const messy = analysePortfolio(
    portfolio(
      [
        account('Roth IRA', 1000.01, [
          [SEED.SPY, 3],
          [SEED.QQQ, 1.5],
          [partial, 7],
          [instrument('NEWCO', null), 5],
          [split, 3],
        ]),
        account('Roth IRA', 0.99, [
          [SEED.VEA, 11],
          [SEED.BND, 2],
          [SEED.HYG, 1],
          [SEED.AOR, 3],
          [SEED.GLD, 1],
          [split, 2],
        ]),
        account('Roth IRA', 0, [
          [instrument('UNCL', 3.33), 3],
          [SEED.SPY, 0.001],
          [{ ...SEED.GLD, symbol: 'SLV', name: 'iShares Silver Trust', currentPrice: 22.4 }, 1],
        ]),
      ],
      { assetClassTargets: { equity: 60, fixed_income: 40 }, regionTargets: { north_america: 100 } },
    ),
  );
  const charts = computeCharts(messy);

  it('keeps every chart reconciled to the cent on an awkward portfolio', () => {
    // Holdings: SPY 1,350.75 + 0.45, QQQ 578.25, PART 86.38, SPLIT 0.21 + 0.14, VEA 531.30, BND 145, HYG 76.85,
    // AOR 146.70, GLD 195.70, UNCL 9.99, SLV 22.40 = 3,144.12; cash 1,001; NEWCO has no price.
    expect(messy.valuation.positionsValue).toBe(3144.12);
    expect(messy.valuation.total).toBe(4145.12);
    expectReconciled(charts, {
      asset_allocation: 4135.13, // less UNCL 9.99
      geographic_exposure: 3047.75, // less PART 86.38 and UNCL 9.99
      sector_breakdown: 3047.75,
      account_breakdown: 4145.12,
      top_holdings: 3144.12,
      cash_vs_invested: 4145.12,
      target_drift: 0,
      region_drift: 0,
    });
  });

  it('says what each chart leaves out and which holdings have no price', () => {
    expect(charts.asset_allocation?.description).toContain(
      'Covers $4,135.13 of $4,145.12; $9.99 in holdings without an asset-class classification is left out.',
    );
    expect(charts.geographic_exposure?.description).toContain(
      'Covers $3,047.75 of $3,144.12; $96.37 in holdings without a region classification is left out.',
    );
    expect(charts.top_holdings?.description).toContain('1 holding without a price (NEWCO) is not valued.');
  });

  it('numbers accounts that share a name and groups holdings beyond the top ten', () => {
    // 1,000.01 + 2,015.59 of holdings; 0.99 + 1,095.69; UNCL 9.99 + SPY 0.45 + SLV 22.40.
    expect(points(charts.account_breakdown)).toEqual([
      ['Roth IRA', 3015.6],
      ['Roth IRA (2)', 1096.68],
      ['Roth IRA (3)', 32.84],
    ]);
    // Eleven symbols: the smallest, SPLIT (0.21 + 0.14 across two accounts), is grouped.
    expect(points(charts.top_holdings)?.slice(-3)).toEqual([
      ['SLV', 22.4],
      ['UNCL', 9.99],
      ['All other holdings', 0.35],
    ]);
    expect(charts.top_holdings?.data).toHaveLength(11);
  });

  it('uses distinct palette colours within a chart, the same colour for a key in every job, grey for groups', () => {
    for (const chart of Object.values(charts)) {
      const named = chart.data.filter((datum) => !/^(Other|All other)/.test(datum.name));
      expect(new Set(named.map((datum) => datum.color)).size).toBe(Math.min(named.length, 9));
      for (const datum of chart.data) {
        expect(CHART_PALETTE).toContain(datum.color);
        expect(datum.color === OTHER_COLOR).toBe(!named.includes(datum));
      }
    }
    const equity = (payload: ChartsPayload) =>
      payload.asset_allocation?.data.find((d) => d.name === 'Equity')?.color;
    expect(equity(charts)).toBe(ASSET_CLASS_COLORS.equity);
    expect(equity(computeCharts(analysePortfolio(testUser001())))).toBe(ASSET_CLASS_COLORS.equity);
  });

  it('emits only charts that have something to draw', () => {
    const plain = computeCharts(
      analysePortfolio(portfolio([account('Only', 0, [[instrument('NEWCO', 10), 2]])])),
    );
    // One unclassified holding, no cash, one account, no targets: only the holdings are left to draw.
    expect(Object.keys(plain)).toEqual(['top_holdings']);
    expect(computeCharts(analysePortfolio(portfolio([])))).toEqual({});
  });

  it('draws no drift chart for a person who never set targets, whatever defaults are stored', () => {
    const defaults = computeCharts(analysePortfolio(testUser001({ ...DEFAULT_TARGETS, targetsSet: false })));
    const drift: string[] = ['target_drift', 'region_drift'];
    expect(Object.keys(defaults)).toEqual(CHART_KEYS.filter((key) => !drift.includes(key)));
    const own = computeCharts(analysePortfolio(testUser001({ ...DEFAULT_TARGETS, targetsSet: true })));
    expect(Object.keys(own)).toEqual([...CHART_KEYS]);
  });
});
