import { readSecretString } from '@alex/aws-adapters';
import type { LambdaContext } from '@alex/lambda-context';
import { polygonMarketData, storedPrices } from '@alex/market-data';
import type { MarketData } from '@alex/runtime';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { PlannerEnv } from './config';

/** Polygon prices when a key is configured and readable; otherwise the stored prices, never guessed ones. */
export async function plannerMarketData(config: PlannerEnv, context: LambdaContext): Promise<MarketData> {
  const stored = storedPrices((symbols) => context.repos.instruments.storedPrices(symbols));
  if (!config.POLYGON_API_KEY_SECRET_ARN) return stored;
  const key = await readSecretString(new SecretsManagerClient({}), config.POLYGON_API_KEY_SECRET_ARN);
  if (!key.ok) {
    context.logger.warn('Polygon key unreadable; using stored prices', { error: key.error });
    return stored;
  }
  return polygonMarketData({
    apiKey: key.value,
    plan: config.POLYGON_PLAN,
    clock: context.clock,
    logger: context.logger.child({ component: 'polygon' }),
    store: {
      savePrice: (symbol, price, asOf) => context.repos.instruments.updatePrice(symbol, price, asOf),
      storedPrices: (symbols) => context.repos.instruments.storedPrices(symbols),
    },
  });
}
