import {
  type CapitalMarketAssumptions,
  DEFAULT_ASSUMPTIONS,
  fixedInflation,
} from '../../../src/retirement/assumptions';

/** Every asset returns exactly `growth` a year and prices rise exactly `inflation` a year. */
export const deterministic = (growth: number, inflation: number): CapitalMarketAssumptions => ({
  ...DEFAULT_ASSUMPTIONS,
  returns: Object.fromEntries(
    Object.keys(DEFAULT_ASSUMPTIONS.returns).map((assetClass) => [
      assetClass,
      { mean: growth, volatility: 0 },
    ]),
  ) as CapitalMarketAssumptions['returns'],
  inflation: fixedInflation(inflation),
});
