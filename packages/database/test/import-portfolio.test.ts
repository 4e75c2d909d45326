import { InstrumentsFile, PortfolioImportFile } from '@alex/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRepositories,
  importInstruments,
  importPortfolio,
  type Repositories,
  seedDatabase,
  TEST_USER_ID,
} from '../src';
import { rawRows } from './raw-rows';
import { openTestDatabase, TEST_DRIVER, type TestDatabase } from './support/test-database';

type Position = { symbol: string; quantity: number };
type AccountSpec = {
  account_name: string;
  cash_balance?: number;
  cash_interest?: number;
  positions: Position[];
};

function importFile(clerkUserId: string, accounts: AccountSpec[]) {
  return PortfolioImportFile.parse({
    user: {
      clerk_user_id: clerkUserId,
      display_name: `User ${clerkUserId}`,
      years_until_retirement: 30,
      target_retirement_income: 85000.5,
      current_age: 35,
      region_targets: { north_america: 60, international: 40 },
    },
    accounts,
  });
}

describe(`portfolio import on ${TEST_DRIVER}`, () => {
  let database: TestDatabase;
  let repos: Repositories;
  const run = (file: PortfolioImportFile) => importPortfolio(database.handle.db, file);
  const holdings = async (clerkUserId: string) =>
    (await repos.portfolios.load(clerkUserId))?.accounts.map((account) => [
      account.accountName,
      account.cashBalance,
      account.positions.map((p) => [p.symbol, p.quantity]),
    ]);

  beforeAll(async () => {
    database = await openTestDatabase();
    repos = createRepositories(database.handle.db);
    await seedDatabase(database.handle.db);
  });
  afterAll(() => database.close());

  it('creates the user, accounts and positions that load() then returns', async () => {
    const summary = await run(
      importFile('imp_create', [
        { account_name: 'IRA', cash_balance: 1500.25, positions: [{ symbol: 'spy', quantity: 10.5 }] },
        {
          account_name: 'Brokerage',
          positions: [
            { symbol: 'BND', quantity: 3 },
            { symbol: 'qqq', quantity: 0.25 },
          ],
        },
      ]),
    );
    expect(summary).toEqual({
      clerkUserId: 'imp_create',
      accounts: 2,
      positions: 3,
      instrumentsAwaitingClassification: [],
    });
    const portfolio = await repos.portfolios.load('imp_create');
    expect(portfolio?.user).toMatchObject({
      displayName: 'User imp_create',
      yearsUntilRetirement: 30,
      targetRetirementIncome: 85000.5,
      currentAge: 35,
      annualContribution: null,
      assetClassTargets: { equity: 70, fixed_income: 30 },
      regionTargets: { north_america: 60, international: 40 },
    });
    expect(await holdings('imp_create')).toEqual([
      ['IRA', 1500.25, [['SPY', 10.5]]],
      [
        'Brokerage',
        0,
        [
          ['BND', 3],
          ['QQQ', 0.25],
        ],
      ],
    ]);
    expect(portfolio?.accounts[0]?.positions[0]?.instrument.currentPrice).toBe(450.25);
  });

  it('replaces the accounts and positions of a user imported again instead of appending', async () => {
    await run(
      importFile('imp_replace', [
        { account_name: 'Old', positions: [{ symbol: 'SPY', quantity: 1 }] },
        { account_name: 'Also old', positions: [{ symbol: 'VEA', quantity: 2 }] },
      ]),
    );
    const summary = await run(
      importFile('imp_replace', [
        { account_name: 'New', cash_balance: 7, positions: [{ symbol: 'GLD', quantity: 4 }] },
      ]),
    );
    expect(summary).toMatchObject({ accounts: 1, positions: 1 });
    expect(await holdings('imp_replace')).toEqual([['New', 7, [['GLD', 4]]]]);
  });

  it('creates unknown symbols as unpriced, unclassified placeholders and lists them once', async () => {
    const first = await run(
      importFile('imp_placeholder', [
        {
          account_name: 'A',
          positions: [
            { symbol: 'zzfund', quantity: 5 },
            { symbol: 'SPY', quantity: 1 },
          ],
        },
        {
          account_name: 'B',
          positions: [
            { symbol: 'ZZFUND', quantity: 2 },
            { symbol: 'aaco', quantity: 9 },
          ],
        },
      ]),
    );
    expect(first.instrumentsAwaitingClassification).toEqual(['AACO', 'ZZFUND']);
    const [aaco, zz] = await repos.instruments.findMany(['AACO', 'ZZFUND']);
    for (const [instrument, symbol] of [
      [aaco, 'AACO'],
      [zz, 'ZZFUND'],
    ] as const) {
      expect(instrument).toMatchObject({
        symbol,
        name: symbol,
        instrumentType: null,
        currentPrice: null,
        allocationRegions: {},
        allocationSectors: {},
        allocationAssetClass: {},
      });
    }
    expect((await repos.instruments.listUnclassified()).map((i) => i.symbol)).toEqual(
      expect.arrayContaining(['AACO', 'ZZFUND']),
    );
    const again = await run(
      importFile('imp_placeholder', [{ account_name: 'A', positions: [{ symbol: 'ZZFUND', quantity: 1 }] }]),
    );
    expect(again.instrumentsAwaitingClassification).toEqual([]);
    expect((await repos.instruments.findMany(['ZZFUND']))[0]?.currentPrice).toBeNull();
  });

  it('leaves another user’s profile, accounts and positions untouched', async () => {
    await run(
      importFile('imp_bystander', [
        { account_name: 'Mine', cash_balance: 3, positions: [{ symbol: 'TLT', quantity: 8 }] },
      ]),
    );
    const before = await repos.portfolios.load('imp_bystander');
    await run(
      importFile('imp_other', [{ account_name: 'Mine', positions: [{ symbol: 'TLT', quantity: 1 }] }]),
    );
    await run(
      importFile('imp_other', [{ account_name: 'Theirs', positions: [{ symbol: 'XLE', quantity: 2 }] }]),
    );
    expect(await repos.portfolios.load('imp_bystander')).toEqual(before);
    expect(await holdings('imp_other')).toEqual([['Theirs', 0, [['XLE', 2]]]]);
  });

  it('writes null goals for a user without them, absent or null', async () => {
    const user = { clerk_user_id: 'imp_no_goals', display_name: 'No goals' };
    const nulls = {
      years_until_retirement: null,
      target_retirement_income: null,
      current_age: null,
      annual_contribution: null,
    };
    for (const profile of [user, { ...user, ...nulls }]) {
      await run(PortfolioImportFile.parse({ user: profile, accounts: [] }));
      expect(await repos.users.find('imp_no_goals')).toMatchObject({
        yearsUntilRetirement: null,
        targetRetirementIncome: null,
        currentAge: null,
        annualContribution: null,
      });
    }
  });

  it('stores the largest and smallest value of every column exactly', async () => {
    await importInstruments(
      database.handle.db,
      InstrumentsFile.parse({
        instruments: [
          { symbol: 'ZZMAX', name: 'n'.repeat(255), current_price: 99_999_999.9999 },
          { symbol: 'ZZMIN', name: 'Smallest', current_price: 0.0001 },
        ],
      }),
    );
    const clerkUserId = 'u'.repeat(255);
    await run(
      PortfolioImportFile.parse({
        user: {
          clerk_user_id: clerkUserId,
          display_name: '😀'.repeat(255),
          years_until_retirement: 100,
          target_retirement_income: 9_999_999_999.99,
          // With an age, retirement must come by 95 (the contract refuses 130 + 100): the age is tested below.
          annual_contribution: 0.01,
        },
        accounts: [
          {
            account_name: 'a'.repeat(255),
            cash_balance: 9_999_999_999.99,
            cash_interest: 1,
            positions: [
              { symbol: 'ZZMAX', quantity: 999_999_999_999.9999 },
              { symbol: 'ZZMIN', quantity: 1e-8 },
            ],
          },
          { account_name: 'Small', cash_balance: 0.01, cash_interest: 0.0001, positions: [] },
        ],
      }),
    );
    const portfolio = await repos.portfolios.load(clerkUserId);
    expect(portfolio?.user).toMatchObject({
      displayName: '😀'.repeat(255),
      yearsUntilRetirement: 100,
      targetRetirementIncome: 9_999_999_999.99,
      currentAge: null,
      annualContribution: 0.01,
    });
    await run(
      PortfolioImportFile.parse({
        user: { clerk_user_id: 'oldest', display_name: 'O', current_age: 130 },
        accounts: [],
      }),
    );
    expect((await repos.users.find('oldest'))?.currentAge).toBe(130);
    expect(
      portfolio?.accounts.map((account) => [
        account.accountName,
        account.cashBalance,
        account.cashInterest,
        account.positions.map((p) => [p.symbol, p.quantity, p.instrument.currentPrice]),
      ]),
    ).toEqual([
      [
        'a'.repeat(255),
        9_999_999_999.99,
        1,
        [
          ['ZZMAX', 999_999_999_999.9999, 99_999_999.9999],
          ['ZZMIN', 1e-8, 0.0001],
        ],
      ],
      ['Small', 0.01, 0.0001, []],
    ]);
  });

  it('never writes the instruments of a portfolio file: refused by the contract, ignored by the import', async () => {
    const spy = async () => (await repos.instruments.findMany(['SPY']))[0];
    const spyBefore = await spy();
    const seededBefore = await repos.portfolios.load(TEST_USER_ID);
    const raw = {
      user: { clerk_user_id: 'imp_reprice', display_name: 'Repricer' },
      accounts: [{ account_name: 'A', positions: [{ symbol: 'SPY', quantity: 1 }] }],
      instruments: [
        {
          symbol: 'SPY',
          name: 'Mine now',
          current_price: 1,
          instrument_type: 'stock',
          allocation_regions: { asia: 100 },
        },
      ],
    };
    const refused = PortfolioImportFile.safeParse(raw);
    expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['instruments']);
    expect(await repos.users.find('imp_reprice')).toBeNull();
    // A caller that skips the contract still cannot reprice: the import has no path that writes instruments.
    await run({
      ...raw,
      accounts: PortfolioImportFile.parse({ ...raw, instruments: undefined }).accounts,
    } as never);
    expect(await holdings('imp_reprice')).toEqual([['A', 0, [['SPY', 1]]]]);
    expect(await spy()).toEqual(spyBefore);
    expect(spyBefore).toMatchObject({ name: 'SPDR S&P 500 ETF Trust', currentPrice: 450.25 });
    expect(await repos.portfolios.load(TEST_USER_ID)).toEqual(seededBefore);
  });

  it('adds unknown symbols without changing any existing instrument row or another user', async () => {
    const rawInstruments = () =>
      rawRows<{ symbol: string; row: string }>(
        database.handle.db,
        sql`SELECT symbol, row_to_json(i)::text AS row FROM instruments i ORDER BY symbol`,
      );
    const listed = await repos.instruments.list();
    const raw = await rawInstruments();
    const seeded = await repos.portfolios.load(TEST_USER_ID);
    const summary = await run(
      importFile('imp_unknown', [
        {
          account_name: 'A',
          positions: [
            { symbol: 'SPY', quantity: 3 },
            { symbol: 'ZZUNKNOWN', quantity: 1 },
          ],
        },
      ]),
    );
    expect(summary.instrumentsAwaitingClassification).toEqual(['ZZUNKNOWN']);
    const known = (symbol: string) => listed.some((instrument) => instrument.symbol === symbol);
    expect((await repos.instruments.list()).filter((instrument) => known(instrument.symbol))).toEqual(listed);
    expect((await rawInstruments()).filter((row) => known(row.symbol))).toEqual(raw);
    expect(await repos.portfolios.load(TEST_USER_ID)).toEqual(seeded);
  });

  it('loads an instruments file in one transaction, changing only the supplied fields of known symbols', async () => {
    const [vtvBefore] = await repos.instruments.findMany(['VTV']);
    const summary = await importInstruments(
      database.handle.db,
      InstrumentsFile.parse({
        instruments: [
          { symbol: 'vtv', name: 'Vanguard Value (renamed)', current_price: 160.125 },
          {
            symbol: 'NEWCO',
            name: 'New Company',
            instrument_type: 'stock',
            current_price: 12.5,
            allocation_asset_class: { equity: 100 },
            allocation_regions: { europe: 100 },
            allocation_sectors: { technology: 70, healthcare: 30 },
          },
        ],
      }),
    );
    expect(summary).toEqual({ created: ['NEWCO'], updated: ['VTV'] });
    const [newco, vtv] = await repos.instruments.findMany(['NEWCO', 'VTV']);
    expect(vtv).toMatchObject({
      name: 'Vanguard Value (renamed)',
      currentPrice: 160.125,
      instrumentType: 'etf',
    });
    expect([vtv?.allocationRegions, vtv?.allocationSectors, vtv?.allocationAssetClass]).toEqual([
      vtvBefore?.allocationRegions,
      vtvBefore?.allocationSectors,
      vtvBefore?.allocationAssetClass,
    ]);
    expect(newco).toMatchObject({
      name: 'New Company',
      currentPrice: 12.5,
      allocationSectors: { technology: 70, healthcare: 30 },
    });
    // The database refuses the second entry (its regions sum to 50), so the first is not written either.
    const unchecked = {
      instruments: [
        { symbol: 'ZZHALF1', name: 'Half' },
        { symbol: 'ZZHALF2', name: 'Half', allocation_regions: { asia: 50 } },
      ],
    };
    await expect(importInstruments(database.handle.db, unchecked as never)).rejects.toThrow();
    expect(await repos.instruments.findMany(['ZZHALF1', 'ZZHALF2'])).toEqual([]);
  });
});
