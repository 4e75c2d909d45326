import { analysePortfolio } from '@alex/analytics';
import type { Portfolio } from '@alex/contracts';
import { seededPortfolio, useSeededDatabase } from '@alex/testing';
import { describe, expect, it } from 'vitest';
import { offlineReport } from '../src';

const database = useSeededDatabase();

/** The offline report of test_user_001's holdings, as if the person had (or had not) set the stored targets. */
async function reportWith(targetsSet: boolean): Promise<string> {
  const seeded = await seededPortfolio(database);
  const portfolio: Portfolio = { ...seeded, user: { ...seeded.user, targetsSet } };
  return offlineReport(portfolio, analysePortfolio(portfolio), []);
}

describe('offlineReport and targets', () => {
  it('says no target allocation is set instead of drift from the stored defaults', async () => {
    const report = await reportWith(false);
    expect(report).toContain('- No target allocation set; drift is not measured.');
    expect(report).not.toContain('Drift from asset-class targets');
    expect(report).not.toMatch(/its target|target drift/);
  });

  it('lists drift from the targets the person set', async () => {
    const report = await reportWith(true);
    expect(report).toContain('### Drift from asset-class targets');
    expect(report).not.toContain('No target allocation set');
  });
});

describe('offlineReport of a portfolio with nothing valued', () => {
  it('leaves out empty sections instead of drawing header-only tables or drift from $0', async () => {
    const seeded = await seededPortfolio(database);
    const empty: Portfolio = {
      ...seeded,
      user: { ...seeded.user, targetsSet: true },
      accounts: seeded.accounts.slice(0, 1).map((account) => ({ ...account, cashBalance: 0, positions: [] })),
    };
    const report = offlineReport(empty, analysePortfolio(empty), []);
    expect(report).toContain('Total value $0.00: holdings $0.00, cash $0.00, across 1 account.');
    expect(report).toContain('Nothing is valued yet');
    expect(report).not.toContain('| | Value | Share |');
    expect(report).not.toMatch(/### (Asset classes|Regions|Largest sectors|Largest holdings|Drift|Risk)/);
    expect(report).not.toMatch(/points (below|above)/);
  });
});
