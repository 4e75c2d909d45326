import { describe, expect, it } from 'vitest';
import { analysePortfolio } from '../../src/analysis';
import { account, portfolio, SEED, testUser001 } from './fixtures';

describe('analysePortfolio drift', () => {
  it('reports no drift without targets and compares finer region targets key by key', () => {
    const bare = analysePortfolio(portfolio([account('A', 10, [[SEED.VEA, 10]])]));
    expect(bare.drift).toEqual({ assetClass: null, region: null });
    const fine = analysePortfolio(
      portfolio([account('A', 0, [[SEED.VEA, 100]])], { regionTargets: { europe: 80, asia: 20 } }),
    );
    // VEA 4,830: europe 2,898, asia 1,690.50, oceania 241.50 (untargeted, so target 0).
    expect(fine.drift.region?.entries.map((entry) => [entry.key, entry.driftValue])).toEqual([
      ['europe', -966],
      ['asia', 724.5],
      ['oceania', 241.5],
    ]);
  });

  it('folds only the regions a mixed target does not name into international', () => {
    const analytics = analysePortfolio(
      portfolio(
        [
          account('A', 0, [
            [SEED.VEA, 100],
            [SEED.HYG, 100],
          ]),
        ],
        { regionTargets: { north_america: 60, europe: 20, international: 20 } },
      ),
    );
    // Of 12,515: HYG north_america 7,300.75; VEA europe 2,898; international = HYG's 384.25 + VEA's asia
    // 1,690.50 + oceania 241.50 = 2,316.25; targets are 7,509 / 2,503 / 2,503.
    const actual = analytics.drift.region?.entries.map((entry) => [
      entry.key,
      entry.actualPercent,
      entry.driftValue,
    ]);
    expect(actual).toEqual([
      ['europe', 23.2, 395],
      ['north_america', 58.3, -208.25],
      ['international', 18.5, -186.75],
    ]);
  });

  it('measures no drift against targets the person never set', () => {
    const stored = { equity: 70, fixed_income: 30 };
    const unset = analysePortfolio(testUser001({ assetClassTargets: stored, targetsSet: false }));
    expect(unset.drift).toEqual({ assetClass: null, region: null });
    const set = analysePortfolio(testUser001({ assetClassTargets: stored, targetsSet: true }));
    expect(set.drift.assetClass?.entries.map((entry) => entry.key).sort()).toEqual([
      'cash',
      'commodities',
      'equity',
      'fixed_income',
    ]);
  });

  it('analyses an empty portfolio without dividing by zero', () => {
    const analytics = analysePortfolio(portfolio([], { assetClassTargets: { equity: 100 } }));
    expect(analytics.assetClasses).toEqual({ covers: 0, entries: [] });
    expect(analytics.concentration).toEqual({
      holdings: [],
      largestPercent: 0,
      top5Percent: 0,
      herfindahl: 0,
    });
    // Nothing valued means nothing drifts: not "100 points below its target ($0.00 to move)".
    expect(analytics.drift).toEqual({ assetClass: null, region: null });
  });
});
