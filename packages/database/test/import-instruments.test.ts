import { InstrumentsFile, PortfolioImportFile } from '@alex/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { importInstruments, importPortfolio, TEST_USER_ID } from '../src';
import { rawRows } from './raw-rows';
import { useTestDatabase } from './support/file-database';
import { account, holdingsOf, portfolioFile } from './support/portfolio-files';
import { TEST_DRIVER } from './support/test-database';

// The shared instrument rows: a portfolio import only adds placeholders for unknown symbols; an instruments
// file (an administrator's) is the one path that changes known ones.
describe(`instruments through the imports on ${TEST_DRIVER}`, () => {
  const database = useTestDatabase({ seed: true });
  const run = (file: PortfolioImportFile) => importPortfolio(database.db, file);

  it('creates unknown symbols as unpriced, unclassified placeholders and lists them once', async () => {
    const first = await run(
      portfolioFile('imp_placeholder', [
        account('A', [
          ['zzfund', 5],
          ['SPY', 1],
        ]),
        account('B', [
          ['ZZFUND', 2],
          ['aaco', 9],
        ]),
      ]),
    );
    expect(first.instrumentsAwaitingClassification).toEqual(['AACO', 'ZZFUND']);
    const [aaco, zz] = await database.repos.instruments.findMany(['AACO', 'ZZFUND']);
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
    expect((await database.repos.instruments.listUnclassified()).map((i) => i.symbol)).toEqual(
      expect.arrayContaining(['AACO', 'ZZFUND']),
    );
    const again = await run(portfolioFile('imp_placeholder', [account('A', [['ZZFUND', 1]])]));
    expect(again.instrumentsAwaitingClassification).toEqual([]);
    expect((await database.repos.instruments.findMany(['ZZFUND']))[0]?.currentPrice).toBeNull();
  });

  it('never writes the instruments of a portfolio file: refused by the contract, ignored by the import', async () => {
    const spy = async () => (await database.repos.instruments.findMany(['SPY']))[0];
    const spyBefore = await spy();
    const seededBefore = await database.repos.portfolios.load(TEST_USER_ID);
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
    expect(await database.repos.users.find('imp_reprice')).toBeNull();
    // A caller that skips the contract still cannot reprice: the import has no path that writes instruments.
    await run({
      ...raw,
      accounts: PortfolioImportFile.parse({ ...raw, instruments: undefined }).accounts,
    } as never);
    expect(await holdingsOf(database.repos, 'imp_reprice')).toEqual([['A', 0, [['SPY', 1]]]]);
    expect(await spy()).toEqual(spyBefore);
    expect(spyBefore).toMatchObject({ name: 'SPDR S&P 500 ETF Trust', currentPrice: 450.25 });
    expect(await database.repos.portfolios.load(TEST_USER_ID)).toEqual(seededBefore);
  });

  it('adds unknown symbols without changing any existing instrument row or another user', async () => {
    const rawInstruments = () =>
      rawRows<{ symbol: string; row: string }>(
        database.db,
        sql`SELECT symbol, row_to_json(i)::text AS row FROM instruments i ORDER BY symbol`,
      );
    const listed = await database.repos.instruments.list();
    const raw = await rawInstruments();
    const seeded = await database.repos.portfolios.load(TEST_USER_ID);
    const summary = await run(
      portfolioFile('imp_unknown', [
        account('A', [
          ['SPY', 3],
          ['ZZUNKNOWN', 1],
        ]),
      ]),
    );
    expect(summary.instrumentsAwaitingClassification).toEqual(['ZZUNKNOWN']);
    const known = (symbol: string) => listed.some((instrument) => instrument.symbol === symbol);
    expect(
      (await database.repos.instruments.list()).filter((instrument) => known(instrument.symbol)),
    ).toEqual(listed);
    expect((await rawInstruments()).filter((row) => known(row.symbol))).toEqual(raw);
    expect(await database.repos.portfolios.load(TEST_USER_ID)).toEqual(seeded);
  });

  it('loads an instruments file in one transaction, changing only the supplied fields of known symbols', async () => {
    const [vtvBefore] = await database.repos.instruments.findMany(['VTV']);
    const summary = await importInstruments(
      database.db,
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
    const [newco, vtv] = await database.repos.instruments.findMany(['NEWCO', 'VTV']);
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
    await expect(importInstruments(database.db, unchecked as never)).rejects.toThrow();
    expect(await database.repos.instruments.findMany(['ZZHALF1', 'ZZHALF2'])).toEqual([]);
  });
});
