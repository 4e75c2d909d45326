import { describe, expect, it } from 'vitest';
import {
  ASSET_CLASSES,
  CapitalMarketAssumptions,
  CORRELATION_ORDER,
  DEFAULT_ASSUMPTIONS,
} from '../../src/retirement/assumptions';
import { fitInflationModel, US_ANNUAL_HISTORY } from '../../src/retirement/history';

const withMatrix = (matrix: number[][]) => ({
  ...DEFAULT_ASSUMPTIONS,
  correlation: { order: [...CORRELATION_ORDER], matrix },
});

describe('CapitalMarketAssumptions', () => {
  it('accepts the defaults, which cover every asset class plus inflation', () => {
    expect(CapitalMarketAssumptions.parse(DEFAULT_ASSUMPTIONS)).toEqual(DEFAULT_ASSUMPTIONS);
    expect(Object.keys(DEFAULT_ASSUMPTIONS.returns).sort()).toEqual([...ASSET_CLASSES].sort());
    expect(CORRELATION_ORDER).toEqual([...ASSET_CLASSES, 'inflation']);
    const { matrix } = DEFAULT_ASSUMPTIONS.correlation;
    matrix.forEach((row, i) => {
      row.forEach((value, j) => {
        expect(value).toBe(matrix[j]?.[i]);
      });
    });
  });

  it('rejects a correlation matrix that is not positive definite', () => {
    const matrix = DEFAULT_ASSUMPTIONS.correlation.matrix.map((row) => [...row]);
    // equity and alternatives perfectly correlated, but correlated differently with everything else.
    (matrix[0] as number[])[5] = 1;
    (matrix[5] as number[])[0] = 1;
    const result = CapitalMarketAssumptions.safeParse(withMatrix(matrix));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/not positive definite/);
  });

  it('rejects a wrongly sized matrix, a diagonal other than 1, a missing asset class and a bad order', () => {
    expect(CapitalMarketAssumptions.safeParse(withMatrix([[1]])).success).toBe(false);
    const scaled = DEFAULT_ASSUMPTIONS.correlation.matrix.map((row, i) =>
      row.map((v, j) => (i === j ? 0.5 : v)),
    );
    expect(CapitalMarketAssumptions.safeParse(withMatrix(scaled)).error?.issues[0]?.message).toBe(
      'diagonal must be 1',
    );
    const { cash: _cash, ...withoutCash } = DEFAULT_ASSUMPTIONS.returns;
    expect(CapitalMarketAssumptions.safeParse({ ...DEFAULT_ASSUMPTIONS, returns: withoutCash }).success).toBe(
      false,
    );
    const reordered = { ...DEFAULT_ASSUMPTIONS.correlation, order: [...CORRELATION_ORDER].reverse() };
    expect(
      CapitalMarketAssumptions.safeParse({ ...DEFAULT_ASSUMPTIONS, correlation: reordered }).success,
    ).toBe(false);
  });

  it('rejects negative volatility and returns of -50% or worse', () => {
    const returns = { ...DEFAULT_ASSUMPTIONS.returns, equity: { mean: 0.1, volatility: -0.1 } };
    expect(CapitalMarketAssumptions.safeParse({ ...DEFAULT_ASSUMPTIONS, returns }).success).toBe(false);
    const inflation = { mean: -0.5, volatility: 0 };
    expect(CapitalMarketAssumptions.safeParse({ ...DEFAULT_ASSUMPTIONS, inflation }).success).toBe(false);
  });

  it('takes inflation from the shifted-log AR(1) fitted to US CPI over 1950-2022, rounded', () => {
    const fit = fitInflationModel(US_ANNUAL_HISTORY, { from: 1950, to: 2022 }, -0.02);
    const round = (value: number, decimals: number) => Number(value.toFixed(decimals));
    expect(DEFAULT_ASSUMPTIONS.inflation).toEqual({
      mean: round(fit.mean, 3),
      floor: -0.02,
      persistence: round(fit.persistence, 2),
      log_volatility: round(fit.logVolatility, 2),
    });
  });
});
