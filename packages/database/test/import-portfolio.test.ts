import { InstrumentsFile, PortfolioImportFile } from '@alex/contracts';
import { describe, expect, it } from 'vitest';
import { importInstruments, importPortfolio } from '../src';
import { useTestDatabase } from './support/file-database';
import { account, holdingsOf, portfolioFile } from './support/portfolio-files';
import { TEST_DRIVER } from './support/test-database';

// Users, accounts and positions written by a portfolio import; what it does to the shared instruments is in
// import-instruments.test.ts.
describe(`portfolio import on ${TEST_DRIVER}`, () => {
  const database = useTestDatabase({ seed: true });
  const run = (file: PortfolioImportFile) => importPortfolio(database.db, file);

  it('creates the user, accounts and positions that load() then returns', async () => {
    const summary = await run(
      portfolioFile('imp_create', [
        account('IRA', [['spy', 10.5]], { cash_balance: 1500.25 }),
        account('Brokerage', [
          ['BND', 3],
          ['qqq', 0.25],
        ]),
      ]),
    );
    expect(summary).toEqual({
      clerkUserId: 'imp_create',
      accounts: 2,
      positions: 3,
      instrumentsAwaitingClassification: [],
    });
    const portfolio = await database.repos.portfolios.load('imp_create');
    expect(portfolio?.user).toMatchObject({
      displayName: 'User imp_create',
      yearsUntilRetirement: 30,
      targetRetirementIncome: 85000.5,
      currentAge: 35,
      annualContribution: null,
      assetClassTargets: { equity: 70, fixed_income: 30 },
      regionTargets: { north_america: 60, international: 40 },
      targetsSet: true,
    });
    expect(await holdingsOf(database.repos, 'imp_create')).toEqual([
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
      portfolioFile('imp_replace', [account('Old', [['SPY', 1]]), account('Also old', [['VEA', 2]])]),
    );
    const summary = await run(
      portfolioFile('imp_replace', [account('New', [['GLD', 4]], { cash_balance: 7 })]),
    );
    expect(summary).toMatchObject({ accounts: 1, positions: 1 });
    expect(await holdingsOf(database.repos, 'imp_replace')).toEqual([['New', 7, [['GLD', 4]]]]);
  });

  it('leaves another user’s profile, accounts and positions untouched', async () => {
    await run(portfolioFile('imp_bystander', [account('Mine', [['TLT', 8]], { cash_balance: 3 })]));
    const before = await database.repos.portfolios.load('imp_bystander');
    await run(portfolioFile('imp_other', [account('Mine', [['TLT', 1]])]));
    await run(portfolioFile('imp_other', [account('Theirs', [['XLE', 2]])]));
    expect(await database.repos.portfolios.load('imp_bystander')).toEqual(before);
    expect(await holdingsOf(database.repos, 'imp_other')).toEqual([['Theirs', 0, [['XLE', 2]]]]);
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
      expect(await database.repos.users.find('imp_no_goals')).toMatchObject({
        yearsUntilRetirement: null,
        targetRetirementIncome: null,
        currentAge: null,
        annualContribution: null,
        targetsSet: false,
      });
    }
    await run(
      PortfolioImportFile.parse({ user: { ...user, asset_class_targets: { equity: 100 } }, accounts: [] }),
    );
    expect(await database.repos.users.find('imp_no_goals')).toMatchObject({
      assetClassTargets: { equity: 100 },
      targetsSet: true,
    });
  });

  it('stores the largest and smallest value of every column exactly', async () => {
    await importInstruments(
      database.db,
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
    const portfolio = await database.repos.portfolios.load(clerkUserId);
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
    expect((await database.repos.users.find('oldest'))?.currentAge).toBe(130);
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
});
