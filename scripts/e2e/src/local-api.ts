import { createRepositories } from '@alex/database';
import { openDataApiDatabase } from '@alex/database/data-api';
import type { JobQueue } from '@alex/local-sqs';
import { startLocalApiServer } from '@alex/local-stack';
import { createJsonLogger } from '@alex/runtime';

/** Where the local cloud's Data API endpoint answers, as the API Lambda would be configured in AWS. */
export interface LocalApiDataApi {
  endpoint: string;
  resourceArn: string;
  secretArn: string;
  database: string;
}

/** The HTTP API on 127.0.0.1 and a token for test_user_001, signed by a key under the cloud's temp dir. */
export interface LocalApi {
  url: string;
  token: string;
  close(): Promise<void>;
}

/**
 * Serves the same Hono app as the api Lambda (`createApp`) over the local Data API endpoint and the local
 * jobs queue, so `pnpm test:full --local` submits its job the way the frontend does.
 */
export async function startLocalApi(options: {
  dataApi: LocalApiDataApi;
  queue: JobQueue;
  keyDir: string;
}): Promise<LocalApi> {
  const handle = await openDataApiDatabase({
    ...options.dataApi,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const server = await startLocalApiServer(
    {
      repos: createRepositories(handle.db),
      queue: options.queue,
      logger: createJsonLogger({ service: 'api', level: 'error' }),
    },
    { keyDir: options.keyDir },
  );
  return {
    url: server.origin,
    token: await server.tokenFor('test_user_001'),
    async close() {
      await server.close();
      await handle.close();
    },
  };
}
