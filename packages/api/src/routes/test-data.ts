import type { AccountInput } from '@alex/database';
import { Hono } from 'hono';
import type { ApiDeps, AppEnv } from '../app-env';
import { accountRow, positionRow } from '../response-rows';
import { found } from '../validation';

const holding = (symbol: string, quantity: number) => ({ symbol, quantity });

/**
 * The reference's demo accounts (§2.6). Symbols not in the shared instruments become bare placeholders (name
 * = symbol, no price, no classification) like any user's, never the reference's invented names and prices.
 */
const DEMO_ACCOUNTS: readonly AccountInput[] = [
  {
    accountName: '401k Long-term',
    accountPurpose: 'Primary retirement savings account with employer match',
    cashBalance: 5000,
    cashInterest: 0,
    positions: [
      holding('SPY', 150),
      holding('VTI', 100),
      holding('BND', 200),
      holding('QQQ', 75),
      holding('IWM', 50),
    ],
  },
  {
    accountName: 'Roth IRA',
    accountPurpose: 'Tax-free retirement growth account',
    cashBalance: 2500,
    cashInterest: 0,
    positions: [
      holding('VTI', 80),
      holding('VXUS', 60),
      holding('VNQ', 40),
      holding('GLD', 25),
      holding('TLT', 30),
      holding('VIG', 45),
    ],
  },
  {
    accountName: 'Brokerage Account',
    accountPurpose: 'Taxable investment account for individual stocks',
    cashBalance: 10000,
    cashInterest: 0,
    positions: [
      holding('TSLA', 15),
      holding('AAPL', 50),
      holding('AMZN', 10),
      holding('NVDA', 25),
      holding('MSFT', 30),
      holding('GOOGL', 20),
    ],
  },
];

/** `POST /api/populate-test-data` (adds the demo accounts) and `DELETE /api/reset-accounts`. */
export function testDataRoutes(deps: ApiDeps) {
  const { accounts, positions, users } = deps.repos;
  return new Hono<AppEnv>()
    .post('/populate-test-data', async (c) => {
      const userId = c.get('userId');
      found(await users.find(userId), 'User');
      const created = await accounts.addWithPositions(userId, DEMO_ACCOUNTS);
      const withPositions = [];
      for (const account of created) {
        const held = (await positions.listByAccount(userId, account.id)) ?? [];
        withPositions.push({ ...accountRow(account), positions: held.map(positionRow) });
      }
      return c.json({
        message: 'Test data populated successfully',
        accounts_created: created.length,
        accounts: withPositions,
      });
    })
    .delete('/reset-accounts', async (c) => {
      const deleted = await accounts.removeAll(c.get('userId'));
      return c.json({ message: `Deleted ${deleted} account(s)`, accounts_deleted: deleted });
    });
}
