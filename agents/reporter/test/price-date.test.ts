import { analysePortfolio } from '@alex/analytics';
import type { Portfolio } from '@alex/contracts';
import { seededPortfolio, useSeededDatabase } from '@alex/testing';
import { describe, expect, it } from 'vitest';
import { offlineReport } from '../src';
import { portfolioFacts } from '../src/portfolio-facts';
import { priceDateLine } from '../src/price-date';

const database = useSeededDatabase();

/** test_user_001's portfolio with each held price dated by `dateOf` (null: no recorded date). */
async function datedPortfolio(dateOf: (symbol: string) => string | null): Promise<Portfolio> {
  const seeded = await seededPortfolio(database);
  return {
    ...seeded,
    accounts: seeded.accounts.map((account) => ({
      ...account,
      positions: account.positions.map((position) => ({
        ...position,
        instrument: { ...position.instrument, priceAsOf: dateOf(position.symbol) },
      })),
    })),
  };
}

describe('the date the report says its prices are from', () => {
  it('is one date when every held price is from it, in the offline report and the model facts alike', async () => {
    const portfolio = await datedPortfolio(() => '2026-11-27');
    const analytics = analysePortfolio(portfolio);

    expect(priceDateLine(portfolio)).toBe('Prices are as of 2026-11-27.');
    expect(offlineReport(portfolio, analytics, [])).toContain('\nPrices are as of 2026-11-27.\n');
    expect(portfolioFacts(portfolio, analytics)).toContain('\nPrices are as of 2026-11-27.\n');
  });

  it('names the holdings whose price is older or has no recorded date', async () => {
    const dates: Record<string, string | null> = { GLD: '2026-11-20', BND: null, VEA: '2026-11-25' };
    const portfolio = await datedPortfolio((symbol) =>
      symbol in dates ? (dates[symbol] ?? null) : '2026-11-27',
    );

    expect(priceDateLine(portfolio)).toBe(
      'Prices are as of 2026-11-27, except GLD (2026-11-20), VEA (2026-11-25); no date is recorded for the price of BND.',
    );
  });

  it('says when no price has a recorded date, and says nothing when nothing held is priced', async () => {
    const undated = await datedPortfolio(() => null);
    const unpriced: Portfolio = {
      ...undated,
      accounts: undated.accounts.map((a) => ({ ...a, positions: [] })),
    };

    expect(priceDateLine(undated)).toBe('Prices: no date is recorded for the stored prices used here.');
    expect(priceDateLine(unpriced)).toBeNull();
    expect(portfolioFacts(unpriced, analysePortfolio(unpriced))).not.toContain('Prices');
  });
});
