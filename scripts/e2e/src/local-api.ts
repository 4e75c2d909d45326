import { createServer } from 'node:http';
import { createApp, createKeySetVerifier } from '@alex/api';
import { createRepositories } from '@alex/database';
import { openDataApiDatabase } from '@alex/database/data-api';
import type { JobQueue } from '@alex/local-sqs';
import { LOCAL_ISSUER, localJwks, signLocalToken } from '@alex/local-stack/signing-key';
import { createJsonLogger } from '@alex/runtime';
import { getRequestListener } from '@hono/node-server';
import { createLocalJWKSet } from 'jose';

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
 * Serves the same Hono app as the api Lambda and `alex serve` (`createApp`) over the local Data API endpoint
 * and the local jobs queue, verifying tokens with a local key as `alex serve` does, so `pnpm test:full
 * --local` submits its job the way the frontend does.
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
  const app = createApp({
    repos: createRepositories(handle.db),
    queue: options.queue,
    verifyToken: createKeySetVerifier(createLocalJWKSet(await localJwks(options.keyDir)), {
      issuer: LOCAL_ISSUER,
    }),
    corsOrigins: [],
    logger: createJsonLogger({ service: 'api', level: 'error' }),
  });
  const server = createServer(getRequestListener(app.fetch));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = address !== null && typeof address === 'object' ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    token: await signLocalToken(options.keyDir, { userId: 'test_user_001' }),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await handle.close();
    },
  };
}
