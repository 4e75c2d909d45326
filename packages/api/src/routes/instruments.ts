import { Hono } from 'hono';
import type { ApiDeps, AppEnv } from '../app-env';

/** `GET /api/instruments`: every instrument's symbol, name, type, price and expense ratio (the frontend's autocomplete). */
export function instrumentsRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const rows = await deps.repos.instruments.list();
    return c.json(
      rows.map((instrument) => ({
        symbol: instrument.symbol,
        name: instrument.name,
        instrument_type: instrument.instrumentType,
        current_price: instrument.currentPrice,
        expense_ratio: instrument.expenseRatio,
      })),
    );
  });
}
