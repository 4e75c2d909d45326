import { analysePortfolio, simulateRetirement } from '@alex/analytics';
import type { Portfolio } from '@alex/contracts';
import { TEST_USER_ID } from '@alex/database';
import { useSeededDatabase } from '@alex/testing';
import { describe, expect, it } from 'vitest';
import { simulationInput } from '../src';

const database = useSeededDatabase();

async function testUser(): Promise<Portfolio> {
  const portfolio = await database.repos.portfolios.load(TEST_USER_ID);
  if (!portfolio) throw new Error('test_user_001 is not seeded');
  return portfolio;
}

function inputOf(portfolio: Portfolio) {
  const plan = simulationInput(portfolio, analysePortfolio(portfolio));
  if (!plan.ok) throw new Error(plan.error);
  return plan;
}

function successOf(portfolio: Portfolio): number {
  const result = simulateRetirement({ ...inputOf(portfolio).value, paths: 4_000, seed: 9 });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.success_rate;
}

const withCash = (portfolio: Portfolio, extra: number): Portfolio => ({
  ...portfolio,
  accounts: portfolio.accounts.map((account, i) =>
    i === 0 ? { ...account, cashBalance: account.cashBalance + extra } : account,
  ),
});

describe('simulationInput', () => {
  it('invests account cash to the target allocation, so more cash never lowers success', async () => {
    const portfolio = { ...(await testUser()) };
    portfolio.user = { ...portfolio.user, targetRetirementIncome: 45_000 };
    const plan = inputOf(portfolio);
    expect(plan.allocation).toEqual({ weights: { equity: 0.7, fixed_income: 0.3 }, source: 'targets' });
    const rates = [0, 50_000, 100_000, 200_000].map((extra) => successOf(withCash(portfolio, extra)));
    expect(rates[0]).toBeGreaterThan(0.05);
    expect(rates[0]).toBeLessThan(0.95);
    for (const [i, rate] of rates.entries()) if (i > 0) expect(rate).toBeGreaterThan(rates[i - 1] as number);
  });

  it('without targets simulates the holdings, leaving account cash out of the allocation', async () => {
    const portfolio = await testUser();
    const noTargets = { ...portfolio, user: { ...portfolio.user, assetClassTargets: {} } };
    const { allocation, value } = inputOf(noTargets);
    expect(allocation.source).toBe('holdings');
    expect(allocation.weights.cash).toBeUndefined();
    const total = Object.values(allocation.weights).reduce((sum, weight) => sum + (weight ?? 0), 0);
    expect(total).toBeCloseTo(1, 12);
    // Account cash still counts in the money simulated.
    expect(value.startValue).toBe(analysePortfolio(noTargets).assetClasses.covers);
  });

  it('carries the person’s other income, advisory fee and end age, and the funds’ expense ratios', async () => {
    const portfolio = await testUser();
    const user = {
      ...portfolio.user,
      otherIncome: [
        { name: 'Social Security', annual_amount: 24_000, start_age: 67, inflation_adjusted: true },
      ],
      advisoryFee: 0.01,
      endAge: 100,
    };
    const plan = inputOf({ ...portfolio, user });
    expect(plan.value).toMatchObject({
      endAge: 100,
      otherIncome: [
        {
          name: 'Social Security',
          annualAmount: 24_000,
          startAge: 67,
          endAge: null,
          inflationAdjusted: true,
        },
      ],
    });
    expect(plan.value.fees?.advisoryFee).toBe(0.01);
    // Seeded funds all have published expense ratios, so none is unknown and the average is positive.
    expect(plan.unknownExpenseRatios).toEqual([]);
    expect(plan.value.fees?.expenseRatio).toBeGreaterThan(0.0003);
    expect(plan.value.fees?.expenseRatio).toBeLessThan(0.005);
  });

  it('ignores other income when the age is unknown, and says so', async () => {
    const portfolio = await testUser();
    const user = {
      ...portfolio.user,
      currentAge: null,
      otherIncome: [{ name: 'Pension', annual_amount: 10_000, start_age: 65, inflation_adjusted: false }],
    };
    const plan = inputOf({ ...portfolio, user });
    expect(plan.value.otherIncome).toEqual([]);
    expect(plan.otherIncomeIgnored).toBe(true);
  });
});
