import { describe, expect, it } from 'vitest';
import { analysePortfolio, dataGaps } from '../../src';
import { account, instrument, portfolio, SEED } from './fixtures';

const classified = (symbol: string, price: number | null) => {
  const { allocationAssetClass, allocationRegions, allocationSectors } = SEED.SPY;
  return instrument(symbol, price, { allocationAssetClass, allocationRegions, allocationSectors });
};

describe('dataGaps', () => {
  it('finds nothing to report in a fully priced and classified portfolio', () => {
    const gaps = dataGaps(analysePortfolio(portfolio([account('A', 100, [[classified('SPY', 10), 2]])])));
    expect(gaps).toEqual([]);
  });

  it('names unpriced, out-of-range and unclassified holdings with the dollars left out of breakdowns', () => {
    const analytics = analysePortfolio(
      portfolio([
        account('Taxable\n"x"', 0, [
          [classified('SPY', 10), 2],
          [classified('NOPX', null), 3],
          [classified('HUGE', 99_999_999.9999), 999_999_999_999.9999],
          [instrument('BARE', 25, {}), 4],
        ]),
      ]),
    );
    const gaps = dataGaps(analytics);
    expect(gaps.map((gap) => [gap.kind, gap.symbols, gap.value_left_out])).toEqual([
      ['unpriced', ['NOPX'], null],
      ['value_out_of_range', ['HUGE'], null],
      ['unclassified', ['BARE'], 100],
    ]);
    expect(gaps[0]?.detail).toBe(
      'One holding has no price and is not valued: NOPX (3 units in "Taxable \\"x\\""). The totals, shares and charts leave it out, so the portfolio is worth more than shown.',
    );
    expect(gaps[2]?.detail).toBe(
      'BARE has no asset class, region and sector breakdown yet ($100.00 of holdings), so the asset class, region and sector breakdowns leave it out.',
    );
  });
});
