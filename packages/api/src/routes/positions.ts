import { PositionCreateRequest, PositionUpdateRequest } from '@alex/contracts';
import { Hono } from 'hono';
import type { ApiDeps, AppEnv } from '../app-env';
import { positionRow } from '../response-rows';
import { found, jsonBody, rowId } from '../validation';

/**
 * The caller's positions. An unknown symbol gets a bare placeholder instrument (name = symbol, no price, no
 * classification) for the tagger and market data to fill: a user never writes shared instrument data.
 */
export function positionsRoutes(deps: ApiDeps) {
  const { positions } = deps.repos;
  return new Hono<AppEnv>()
    .post('/', ...jsonBody(PositionCreateRequest), async (c) => {
      const body = c.req.valid('json');
      const position = await positions.upsert(c.get('userId'), {
        accountId: rowId(body.account_id, 'Account'),
        symbol: body.symbol,
        quantity: body.quantity,
        ...(body.as_of_date ? { asOfDate: body.as_of_date } : {}),
      });
      return c.json(positionRow(found(position, 'Account')));
    })
    .put('/:id', ...jsonBody(PositionUpdateRequest), async (c) => {
      const id = rowId(c.req.param('id'), 'Position');
      const position = await positions.updateQuantity(c.get('userId'), id, c.req.valid('json').quantity);
      return c.json(positionRow(found(position, 'Position')));
    })
    .delete('/:id', async (c) => {
      found(await positions.remove(c.get('userId'), rowId(c.req.param('id'), 'Position')), 'Position');
      return c.json({ message: 'Position deleted' });
    });
}
