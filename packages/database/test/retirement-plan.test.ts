import { InstrumentsFile, OtherIncomeList, PortfolioImportFile } from '@alex/contracts';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  InvalidImportError,
  importInstruments,
  importPortfolio,
  seedInstruments,
  TEST_USER_ID,
} from '../src';
import * as schema from '../src/schema';
import { failureOf } from './error-chain';
import { rawRows } from './raw-rows';
import { useTestDatabase } from './support/file-database';
import { portfolioFile } from './support/portfolio-files';
import { TEST_DRIVER } from './support/test-database';

const SOCIAL_SECURITY = {
  name: 'Social Security',
  annual_amount: 24_000.5,
  start_age: 67,
  inflation_adjusted: true,
};
const PENSION = OtherIncomeList.parse([
  SOCIAL_SECURITY,
  { name: 'Teachers’ pension', annual_amount: 12_000, start_age: 60, end_age: 80, inflation_adjusted: false },
]);

// What retirement engine v2 reads: other income, advisory fee and end age on the user, expense ratios on
// instruments; their limits are checked by the database as well as by the contracts.
describe(`retirement plan fields on ${TEST_DRIVER}`, () => {
  const database = useTestDatabase({ seed: true });

  async function expectCheck(statement: PromiseLike<unknown>, constraint: string) {
    const failure = await failureOf(statement);
    expect(failure.text).toContain(constraint);
    if (TEST_DRIVER === 'data-api') expect(failure.text).toMatch(/violates/);
    else expect(failure.code).toBe('23514');
  }

  it('gives users no other income, no advisory fee and the default end age unless told otherwise', async () => {
    await database.db.insert(schema.users).values({ clerkUserId: 'plan_defaults' });
    const [raw] = await rawRows<{ other_income: string; advisory_fee: unknown; end_age: unknown }>(
      database.db,
      sql`SELECT other_income::text AS other_income, advisory_fee, end_age FROM users
          WHERE clerk_user_id = 'plan_defaults'`,
    );
    expect(raw).toEqual({ other_income: '[]', advisory_fee: null, end_age: null });
    expect(await database.repos.users.find('plan_defaults')).toMatchObject({
      otherIncome: [],
      advisoryFee: null,
      endAge: null,
    });
  });

  it('refuses out-of-range fees, end ages and other income at the database', async () => {
    const user = (clerkUserId: string, values: Partial<typeof schema.users.$inferInsert>) =>
      database.db.insert(schema.users).values({ clerkUserId, ...values });
    await expectCheck(user('plan_fee_high', { advisoryFee: 0.050001 }), 'users_advisory_fee_range');
    await expectCheck(user('plan_fee_low', { advisoryFee: -0.001 }), 'users_advisory_fee_range');
    await expectCheck(user('plan_end_0', { endAge: 0 }), 'users_end_age_range');
    await expectCheck(user('plan_end_121', { endAge: 121 }), 'users_end_age_range');
    await expectCheck(
      user('plan_end_now', { currentAge: 60, endAge: 60 }),
      'users_end_age_after_current_age',
    );
    const eleven = Array.from({ length: 11 }, (_, i) => ({ ...SOCIAL_SECURITY, name: `Income ${i}` }));
    await expectCheck(user('plan_income_11', { otherIncome: eleven as never }), 'users_other_income_list');
    await expectCheck(user('plan_income_object', { otherIncome: {} as never }), 'users_other_income_list');
    await expectCheck(
      database.db
        .update(schema.instruments)
        .set({ expenseRatio: 0.100001 })
        .where(eq(schema.instruments.symbol, 'SPY')),
      'instruments_expense_ratio_range',
    );
    await expectCheck(
      database.db
        .update(schema.instruments)
        .set({ expenseRatio: -0.0001 })
        .where(eq(schema.instruments.symbol, 'SPY')),
      'instruments_expense_ratio_range',
    );
    const refused = await database.db
      .select({ id: schema.users.clerkUserId })
      .from(schema.users)
      .where(
        sql`${schema.users.clerkUserId} LIKE 'plan\\_%' AND ${schema.users.clerkUserId} <> 'plan_defaults'`,
      );
    expect(refused).toEqual([]);
  });

  it('accepts the edges: a 5% fee, an end age of 120, ten incomes, a 10% expense ratio', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => ({ ...SOCIAL_SECURITY, name: `Income ${i}` }));
    await database.db.insert(schema.users).values({
      clerkUserId: 'plan_edges',
      advisoryFee: 0.05,
      endAge: 120,
      currentAge: 119,
      otherIncome: ten,
    });
    expect(await database.repos.users.find('plan_edges')).toMatchObject({
      advisoryFee: 0.05,
      endAge: 120,
      otherIncome: ten,
    });
    await database.repos.instruments.upsertMany([
      { symbol: 'FEE10', name: 'Costly Fund', expenseRatio: 0.1 },
    ]);
    expect((await database.repos.instruments.findMany(['FEE10']))[0]?.expenseRatio).toBe(0.1);
  });

  it('round-trips the plan through update and portfolios.load, and clears it with null and []', async () => {
    await database.repos.users.findOrCreate({
      clerkUserId: 'plan_round_trip',
      displayName: 'Planner',
      yearsUntilRetirement: 20,
      targetRetirementIncome: 60_000,
    });
    await database.repos.users.update('plan_round_trip', {
      currentAge: 45,
      otherIncome: PENSION,
      advisoryFee: 0.0125,
      endAge: 100,
    });
    const portfolio = await database.repos.portfolios.load('plan_round_trip');
    expect(portfolio?.user).toMatchObject({ otherIncome: PENSION, advisoryFee: 0.0125, endAge: 100 });
    expect(portfolio?.user.otherIncome[0]).toEqual({
      name: 'Social Security',
      annual_amount: 24_000.5,
      start_age: 67,
      inflation_adjusted: true,
    });
    const cleared = await database.repos.users.update('plan_round_trip', {
      otherIncome: [],
      advisoryFee: null,
      endAge: null,
    });
    expect(cleared).toMatchObject({ otherIncome: [], advisoryFee: null, endAge: null, currentAge: 45 });
  });

  it('seeds every reference instrument with its expense ratio, which positions carry into load()', async () => {
    const stored = await database.repos.instruments.findMany(seedInstruments().map((i) => i.symbol));
    expect(stored).toHaveLength(22);
    for (const instrument of stored) {
      expect(instrument.expenseRatio, instrument.symbol).toBeGreaterThan(0);
      expect(instrument.expenseRatio, instrument.symbol).toBeLessThan(0.01);
    }
    const bySymbol = Object.fromEntries(stored.map((i) => [i.symbol, i.expenseRatio]));
    expect([bySymbol.SPY, bySymbol.QQQ, bySymbol.BND, bySymbol.GLD]).toEqual([
      0.000945, 0.002, 0.0003, 0.004,
    ]);
    const portfolio = await database.repos.portfolios.load(TEST_USER_ID);
    const spy = portfolio?.accounts[0]?.positions.find((position) => position.symbol === 'SPY');
    expect(spy?.instrument.expenseRatio).toBe(0.000945);
    expect(portfolio?.user).toMatchObject({ otherIncome: [], advisoryFee: null, endAge: null });
  });

  it('imports an expense ratio from an instruments file, keeps it when absent, and clears it with null', async () => {
    const load = async (instruments: unknown[]) => {
      const file = { instruments };
      await importInstruments(database.db, InstrumentsFile.parse(file));
      return (await database.repos.instruments.findMany(['ERFUND']))[0]?.expenseRatio;
    };
    expect(await load([{ symbol: 'ERFUND', name: 'Ratio Fund', expense_ratio: 0.0012 }])).toBe(0.0012);
    expect(await load([{ symbol: 'ERFUND', name: 'Ratio Fund', current_price: 10 }])).toBe(0.0012);
    expect(await load([{ symbol: 'ERFUND', name: 'Ratio Fund', expense_ratio: null }])).toBeNull();
  });
});

describe(`portfolio import of the retirement plan on ${TEST_DRIVER}`, () => {
  const database = useTestDatabase({ seed: true });
  const withPlan = (clerkUserId: string, plan: Record<string, unknown>) => {
    const base = portfolioFile(clerkUserId, []);
    return PortfolioImportFile.parse({ ...base, user: { ...base.user, ...plan } });
  };

  it('writes other income, advisory fee and end age, and keeps them when a later file leaves them out', async () => {
    await importPortfolio(
      database.db,
      withPlan('imp_plan', { other_income: PENSION, advisory_fee: 0.01, end_age: 92 }),
    );
    expect((await database.repos.portfolios.load('imp_plan'))?.user).toMatchObject({
      currentAge: 35,
      otherIncome: PENSION,
      advisoryFee: 0.01,
      endAge: 92,
    });
    await importPortfolio(database.db, withPlan('imp_plan', {}));
    expect(await database.repos.users.find('imp_plan')).toMatchObject({
      otherIncome: PENSION,
      advisoryFee: 0.01,
      endAge: 92,
    });
    await importPortfolio(
      database.db,
      withPlan('imp_plan', { other_income: [], advisory_fee: null, end_age: null }),
    );
    expect(await database.repos.users.find('imp_plan')).toMatchObject({
      otherIncome: [],
      advisoryFee: null,
      endAge: null,
    });
  });

  it('refuses a file whose current age reaches the stored end age, naming both fields, and writes nothing', async () => {
    await importPortfolio(database.db, withPlan('imp_plan_age', { end_age: 65 }));
    const older = withPlan('imp_plan_age', {
      current_age: 65,
      years_until_retirement: 2,
      display_name: 'Changed',
    });
    const error = await importPortfolio(database.db, older).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidImportError);
    expect((error as Error).message).toMatch(/current_age.*end_age \(65\) must be above current_age \(65\)/);
    expect(await database.repos.users.find('imp_plan_age')).toMatchObject({
      displayName: 'User imp_plan_age',
      currentAge: 35,
      endAge: 65,
    });
    await importPortfolio(
      database.db,
      withPlan('imp_plan_age', { current_age: 65, years_until_retirement: 2, end_age: 90 }),
    );
    expect(await database.repos.users.find('imp_plan_age')).toMatchObject({ currentAge: 65, endAge: 90 });
  });
});
