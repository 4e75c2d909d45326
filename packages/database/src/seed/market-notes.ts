import type { MarketNote } from '../repositories/market-notes';

const SOURCE = 'Alex local notes (general education, not advice)';

/** A small local knowledge base for the reporter, written for this project; general, undated, no prices. */
export const MARKET_NOTES: readonly MarketNote[] = [
  {
    id: 'us-large-cap-index',
    title: 'US large-cap index funds',
    tags: 'SPY VOO IVV VTI equity north_america index S&P 500',
    body: 'Funds tracking the S&P 500 hold about five hundred large US companies weighted by market value. Because the largest companies are technology and communication firms, such funds carry a sizeable technology tilt even though they are broad. They are low cost and liquid, and they form the core equity holding of many portfolios.',
    source: SOURCE,
  },
  {
    id: 'growth-concentration',
    title: 'Growth and Nasdaq-100 funds',
    tags: 'QQQ VUG XLK growth technology concentration',
    body: 'Nasdaq-100 and growth funds concentrate on technology and communication companies. Held beside an S&P 500 fund they overlap heavily, so the combined technology exposure is larger than either fund alone suggests. Growth stocks have historically been more volatile than the broad market in rising-rate periods.',
    source: SOURCE,
  },
  {
    id: 'developed-international',
    title: 'Developed international equity',
    tags: 'VEA EFA international europe asia oceania developed diversification home bias',
    body: 'Developed-market funds outside the US hold companies in Europe, Japan, Australia and elsewhere. They diversify a portfolio that is otherwise concentrated in one country and add exposure to other currencies. Investors often hold less international equity than its share of world market value, a pattern called home bias.',
    source: SOURCE,
  },
  {
    id: 'emerging-markets',
    title: 'Emerging-market equity',
    tags: 'VWO emerging asia latin_america africa international',
    body: 'Emerging-market funds hold companies in economies such as China, India, Taiwan and Brazil. Expected long-run growth is higher, but so are volatility, political risk and currency swings; position sizes are usually modest.',
    source: SOURCE,
  },
  {
    id: 'core-bonds',
    title: 'Core bond funds and interest rates',
    tags: 'BND AGG fixed_income bonds treasury mortgage corporate duration rates',
    body: 'Aggregate bond funds hold US Treasury, mortgage-backed and investment-grade corporate bonds. Their prices fall when interest rates rise and rise when rates fall, roughly in proportion to duration. They dampen portfolio volatility and provide income, and they tend to hold up better than stocks in recessions.',
    source: SOURCE,
  },
  {
    id: 'long-treasuries-high-yield',
    title: 'Long Treasuries and high-yield bonds',
    tags: 'TLT HYG treasury corporate duration credit fixed_income',
    body: 'Long-dated Treasury funds have long durations and so move sharply with interest rates. High-yield corporate bond funds pay more income but behave partly like equities, falling when credit conditions tighten.',
    source: SOURCE,
  },
  {
    id: 'gold-commodities',
    title: 'Gold and commodities as diversifiers',
    tags: 'GLD SLV commodities gold silver global inflation',
    body: 'Gold pays no income and its price can swing widely, but it has often moved differently from stocks and bonds, which makes a small allocation a diversifier. Silver is more volatile than gold and more tied to industrial demand.',
    source: SOURCE,
  },
  {
    id: 'real-estate',
    title: 'Real estate investment trusts',
    tags: 'VNQ real_estate reit income rates',
    body: 'REIT funds own income-producing property companies. They pay higher dividends than the broad market and are sensitive to interest rates and property cycles.',
    source: SOURCE,
  },
  {
    id: 'cash-drag',
    title: 'Cash allocation',
    tags: 'cash savings interest drag emergency',
    body: 'Cash is stable and liquid and useful for near-term needs, but a large cash balance held for many years tends to lose ground to inflation compared with invested assets. A common practice is to keep an emergency reserve and invest the rest according to the plan.',
    source: SOURCE,
  },
  {
    id: 'sequence-risk',
    title: 'Retirement: sequence-of-returns risk',
    tags: 'retirement withdrawal sequence risk equity fixed_income',
    body: 'Losses early in retirement hurt more than the same losses later, because withdrawals lock them in. Holding some bonds and cash near and during retirement, and staying flexible about spending after bad years, reduces this risk.',
    source: SOURCE,
  },
  {
    id: 'rebalancing',
    title: 'Rebalancing to targets',
    tags: 'rebalance drift targets allocation equity fixed_income',
    body: 'Markets move an allocation away from its targets over time. Rebalancing periodically, or when an asset class drifts by more than a few percentage points, keeps risk where the investor intended; new contributions can be directed to underweight asset classes to rebalance without selling.',
    source: SOURCE,
  },
];
