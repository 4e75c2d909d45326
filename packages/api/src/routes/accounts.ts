import { AccountCreateRequest, AccountUpdateRequest } from '@alex/contracts';
import { Hono } from 'hono';
import type { ApiDeps, AppEnv } from '../app-env';
import { camelKeys } from '../camel-keys';
import { accountRow, positionRow } from '../response-rows';
import { found, jsonBody, rowId } from '../validation';

/** The caller's accounts: list, create, update, delete, and one account's positions. */
export function accountsRoutes(deps: ApiDeps) {
  const { accounts, positions, users } = deps.repos;
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const rows = await accounts.list(c.get('userId'));
      return c.json(rows.map(accountRow));
    })
    .post('/', ...jsonBody(AccountCreateRequest), async (c) => {
      const userId = c.get('userId');
      const body = c.req.valid('json');
      found(await users.find(userId), 'User');
      const account = await accounts.create(userId, {
        accountName: body.account_name,
        accountPurpose: body.account_purpose ?? null,
        cashBalance: body.cash_balance ?? 0,
        cashInterest: body.cash_interest ?? 0,
      });
      return c.json(accountRow(account));
    })
    .put('/:id', ...jsonBody(AccountUpdateRequest), async (c) => {
      const id = rowId(c.req.param('id'), 'Account');
      const account = await accounts.update(c.get('userId'), id, camelKeys(c.req.valid('json')));
      return c.json(accountRow(found(account, 'Account')));
    })
    .delete('/:id', async (c) => {
      found(await accounts.remove(c.get('userId'), rowId(c.req.param('id'), 'Account')), 'Account');
      return c.json({ message: 'Account deleted successfully' });
    })
    .get('/:id/positions', async (c) => {
      const rows = await positions.listByAccount(c.get('userId'), rowId(c.req.param('id'), 'Account'));
      return c.json({ positions: found(rows, 'Account').map(positionRow) });
    });
}
