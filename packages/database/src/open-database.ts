import type { DatabaseConfig } from './config';
import type { DatabaseHandle } from './drivers/alex-database';
import { openDataApiDatabase } from './drivers/data-api';
import { openPgliteDatabase } from './drivers/pglite';
import { openPostgresDatabase } from './drivers/postgres';

/** Opens whichever database the configuration names (local tools; Lambdas import their one driver). */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  switch (config.driver) {
    case 'pglite':
      return openPgliteDatabase({ dataDir: config.dataDir });
    case 'postgres':
      return openPostgresDatabase({ url: config.url });
    case 'data-api': {
      const { driver: _driver, ...options } = config;
      // A local Data API-compatible endpoint accepts any credentials; AWS uses the default chain.
      const credentials = options.endpoint ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined;
      return openDataApiDatabase({ ...options, ...(credentials ? { credentials } : {}) });
    }
  }
}
