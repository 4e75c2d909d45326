import { PortfolioImportFile } from '@alex/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, importPortfolio, type Repositories, SEED_INSTRUMENTS } from '../src';
import { openTestDatabase, TEST_DRIVER, type TestDatabase } from './support/test-database';

type Position = { symbol: string; quantity: number };
type AccountSpec = { account_name: string; cash_balance?: number; positions: Position[] };

function importFile(clerkUserId: string, accounts: AccountSpec[], instruments: unknown[] = []) {
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
    instruments,
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
    await repos.instruments.upsertMany(SEED_INSTRUMENTS);
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
      instrumentsWritten: [],
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

  it('creates supplied instruments and changes only the supplied fields of known ones', async () => {
    const before = (await repos.instruments.findMany(['VTV']))[0];
    const summary = await run(
      importFile(
        'imp_instruments',
        [
          {
            account_name: 'A',
            positions: [
              { symbol: 'NEWCO', quantity: 1 },
              { symbol: 'VTV', quantity: 2 },
            ],
          },
        ],
        [
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
      ),
    );
    expect(summary.instrumentsWritten).toEqual(['NEWCO', 'VTV']);
    expect(summary.instrumentsAwaitingClassification).toEqual([]);
    const [newco, vtv] = await repos.instruments.findMany(['NEWCO', 'VTV']);
    expect(vtv).toMatchObject({
      name: 'Vanguard Value (renamed)',
      currentPrice: 160.125,
      instrumentType: 'etf',
    });
    expect([vtv?.allocationRegions, vtv?.allocationSectors, vtv?.allocationAssetClass]).toEqual([
      before?.allocationRegions,
      before?.allocationSectors,
      before?.allocationAssetClass,
    ]);
    expect(newco).toMatchObject({
      name: 'New Company',
      instrumentType: 'stock',
      currentPrice: 12.5,
      allocationSectors: { technology: 70, healthcare: 30 },
    });
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
});
