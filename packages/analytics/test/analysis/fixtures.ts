import type { Account, Instrument, Portfolio, User } from '@alex/contracts';

const at = new Date('2026-01-01T00:00:00Z');
const NA = { north_america: 100 };

/** Seed instruments (reference §2.5) used by the analytics tests, with their real allocation maps. */
export const SEED = {
  SPY: seed(
    'SPY',
    'SPDR S&P 500 ETF Trust',
    450.25,
    NA,
    { equity: 100 },
    {
      technology: 28,
      healthcare: 13,
      financials: 13,
      consumer_discretionary: 12,
      industrials: 9,
      communication: 9,
      consumer_staples: 6,
      energy: 4,
      utilities: 3,
      real_estate: 2,
      materials: 1,
    },
  ),
  QQQ: seed(
    'QQQ',
    'Invesco QQQ Trust',
    385.5,
    NA,
    { equity: 100 },
    {
      technology: 50,
      communication: 17,
      consumer_discretionary: 15,
      healthcare: 8,
      consumer_staples: 5,
      industrials: 3,
      other: 2,
    },
  ),
  BND: seed(
    'BND',
    'Vanguard Total Bond Market ETF',
    72.5,
    NA,
    { fixed_income: 100 },
    {
      treasury: 42,
      mortgage: 27,
      corporate: 24,
      government_related: 7,
    },
  ),
  VEA: seed(
    'VEA',
    'Vanguard FTSE Developed Markets ETF',
    48.3,
    { europe: 60, asia: 35, oceania: 5 },
    { equity: 100 },
    {
      financials: 18,
      industrials: 14,
      healthcare: 12,
      consumer_discretionary: 11,
      technology: 10,
      consumer_staples: 9,
      materials: 8,
      energy: 6,
      communication: 5,
      utilities: 4,
      real_estate: 3,
    },
  ),
  GLD: seed('GLD', 'SPDR Gold Shares', 195.7, { global: 100 }, { commodities: 100 }, { commodities: 100 }),
  HYG: seed(
    'HYG',
    'iShares iBoxx High Yield Corporate Bond ETF',
    76.85,
    { north_america: 95, international: 5 },
    {
      fixed_income: 100,
    },
    { corporate: 100 },
  ),
  AOR: seed(
    'AOR',
    'iShares Core Growth Allocation ETF',
    48.9,
    { north_america: 60, international: 40 },
    {
      equity: 60,
      fixed_income: 40,
    },
    { diversified: 100 },
  ),
} satisfies Record<string, Instrument>;

function seed(
  symbol: string,
  name: string,
  currentPrice: number,
  allocationRegions: Instrument['allocationRegions'],
  allocationAssetClass: Instrument['allocationAssetClass'],
  allocationSectors: Instrument['allocationSectors'],
): Instrument {
  return {
    symbol,
    name,
    instrumentType: 'etf',
    currentPrice,
    allocationRegions,
    allocationAssetClass,
    allocationSectors,
    expenseRatio: null,
    updatedAt: at,
  };
}

/** An instrument with a price (or null) and no allocation maps unless given. */
export function instrument(
  symbol: string,
  currentPrice: number | null,
  maps: Partial<Instrument> = {},
): Instrument {
  return { ...seed(symbol, `${symbol} fund`, 0, {}, {}, {}), currentPrice, ...maps };
}

let accountCount = 0;

/** An account holding `[instrument, quantity]` pairs; ids are unique per call. */
export function account(name: string, cash: number, holdings: [Instrument, number][] = []): Account {
  accountCount += 1;
  const id = `00000000-0000-4000-8000-${String(accountCount).padStart(12, '0')}`;
  return {
    id,
    clerkUserId: 'test_user_001',
    accountName: name,
    accountPurpose: null,
    cashBalance: cash,
    cashInterest: 0,
    createdAt: at,
    positions: holdings.map(([held, quantity], i) => ({
      id: `00000000-0000-4000-9000-${String(accountCount * 1000 + i).padStart(12, '0')}`,
      accountId: id,
      symbol: held.symbol,
      quantity,
      asOfDate: '2026-01-01',
      instrument: held,
    })),
  };
}

/**
 * A portfolio for test_user_001 with the given accounts and targets (default: none); as in the repository,
 * giving either target map marks the targets as set unless `targetsSet` says otherwise.
 */
export function portfolio(
  accounts: Account[],
  targets: Partial<Pick<User, 'assetClassTargets' | 'regionTargets' | 'targetsSet'>> = {},
): Portfolio {
  return {
    user: {
      clerkUserId: 'test_user_001',
      displayName: 'Test User',
      yearsUntilRetirement: 25,
      targetRetirementIncome: 100000,
      currentAge: null,
      annualContribution: null,
      assetClassTargets: targets.assetClassTargets ?? {},
      regionTargets: targets.regionTargets ?? {},
      targetsSet:
        targets.targetsSet ??
        (targets.assetClassTargets !== undefined || targets.regionTargets !== undefined),
      otherIncome: [],
      advisoryFee: null,
      endAge: null,
      createdAt: at,
      updatedAt: at,
    },
    accounts,
  };
}

/** The reference's test_user_001 (reference §2.6): three accounts, five positions in the 401(k). */
export function testUser001(
  targets: Partial<Pick<User, 'assetClassTargets' | 'regionTargets' | 'targetsSet'>> = {
    assetClassTargets: { equity: 70, fixed_income: 30 },
    regionTargets: { north_america: 50, international: 50 },
  },
): Portfolio {
  return portfolio(
    [
      account('401(k)', 5000, [
        [SEED.SPY, 100],
        [SEED.QQQ, 50],
        [SEED.BND, 200],
        [SEED.VEA, 150],
        [SEED.GLD, 25],
      ]),
      account('Roth IRA', 1000),
      account('Taxable Brokerage', 2500),
    ],
    targets,
  );
}
