import type { DatabaseConfig } from './config';
import type { DatabaseHandle } from './drivers/alex-database';

/**
 * Opens whichever database the configuration names (local tools; Lambdas import their one driver). Each driver
 * is loaded only when named: the AWS SDK behind the Data API driver and PGlite's WebAssembly are a good part of
 * a CLI command's start-up.
 */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  switch (config.driver) {
    case 'pglite':
      return (await import('./drivers/pglite')).openPgliteDatabase({ dataDir: config.dataDir });
    case 'postgres':
      return (await import('./drivers/postgres')).openPostgresDatabase({ url: config.url });
    case 'data-api': {
      const { driver: _driver, ...options } = config;
      // A local Data API-compatible endpoint accepts any credentials; AWS uses the default chain.
      const credentials = options.endpoint ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined;
      const { openDataApiDatabase } = await import('./drivers/data-api');
      return openDataApiDatabase({ ...options, ...(credentials ? { credentials } : {}) });
    }
  }
}
