import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApiDeps, createApp, createKeySetVerifier } from '@alex/api';
import { LOCAL_ISSUER, localJwks, signLocalToken } from '@alex/local-stack/signing-key';
import { systemClock } from '@alex/runtime';
import { serve } from '@hono/node-server';
import { createLocalJWKSet } from 'jose';

/** The API listening on 127.0.0.1, and tokens its verifier accepts. */
export interface BenchApiServer {
  origin: string;
  /** A fresh RS256 token for the user, signed with this server's throwaway local key. */
  tokenFor(userId: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Serves `createApp` over a real socket (127.0.0.1, a free port) with tokens checked by
 * `createKeySetVerifier` against the public JWKS of a local signing key made for this run only.
 */
export async function startBenchApiServer(
  deps: Pick<ApiDeps, 'repos' | 'queue' | 'logger'>,
): Promise<BenchApiServer> {
  const keyDir = await mkdtemp(join(tmpdir(), 'alex-bench-key-'));
  const keys = createLocalJWKSet(await localJwks(keyDir));
  // Capacity is measured without a per-user rate limit (where the API has one): one user's 2,000 reads would
  // otherwise be mostly 429s. Passed as a variable so this compiles whether or not `ApiDeps` has the option.
  const appDeps = {
    ...deps,
    verifyToken: createKeySetVerifier(keys, { issuer: LOCAL_ISSUER }),
    corsOrigins: [],
    clock: systemClock,
    rateLimit: false as const,
  };
  const app = createApp(appDeps);
  const server = serve({ hostname: '127.0.0.1', port: 0, fetch: app.fetch }) as Server;
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    tokenFor: (userId) => signLocalToken(keyDir, { userId }),
    async close() {
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await closed;
      await rm(keyDir, { recursive: true, force: true });
    },
  };
}
