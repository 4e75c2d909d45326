import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApiDeps, createApp, createKeySetVerifier } from '@alex/api';
import { systemClock } from '@alex/runtime';
import { serve } from '@hono/node-server';
import { createLocalJWKSet } from 'jose';
import { LOCAL_ISSUER, localJwks, signLocalToken } from './local-signing-key';

/** The API listening on 127.0.0.1, and tokens its verifier accepts. */
export interface LocalApiServer {
  origin: string;
  /** A fresh RS256 token for the user, signed with this server's local key. */
  tokenFor(userId: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Serves `createApp` over a real socket (127.0.0.1, a free port) with tokens checked by
 * `createKeySetVerifier` against the public JWKS of a local signing key: the one under `keyDir`, or one made
 * for this server alone (removed on close). For the bench and `pnpm test:full --local`; `alex serve` verifies
 * through a JWKS URL instead, as for Clerk.
 */
export async function startLocalApiServer(
  deps: Pick<ApiDeps, 'repos' | 'queue' | 'logger'> & Partial<Pick<ApiDeps, 'rateLimit'>>,
  options: { keyDir?: string } = {},
): Promise<LocalApiServer> {
  const keyDir = options.keyDir ?? (await mkdtemp(join(tmpdir(), 'alex-api-key-')));
  const keys = createLocalJWKSet(await localJwks(keyDir));
  const appDeps: ApiDeps = {
    ...deps,
    verifyToken: createKeySetVerifier(keys, { issuer: LOCAL_ISSUER }),
    corsOrigins: [],
    clock: systemClock,
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
      if (!options.keyDir) await rm(keyDir, { recursive: true, force: true });
    },
  };
}
