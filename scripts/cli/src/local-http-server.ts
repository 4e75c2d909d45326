import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { JSONWebKeySet } from 'jose';
import { CliError } from './errors';

/** Where the local server publishes the public keys its tokens are verified with. */
export const JWKS_PATH = '/.well-known/jwks.json';

/** An HTTP server on 127.0.0.1 serving a JWKS, and an app once it is mounted. */
export interface LocalHttpServer {
  /** `http://127.0.0.1:PORT`, with the port actually bound (so `--port 0` works). */
  origin: string;
  /** Answers every path but the JWKS with `app` from now on (before, they get 503). */
  mount(app: { fetch: (request: Request) => Response | Promise<Response> }): void;
  /** Stops accepting connections and resolves once open requests have finished (at most 5 s); idempotent. */
  close(): Promise<void>;
}

const CLOSE_GRACE_MS = 5_000;

function listenError(error: NodeJS.ErrnoException, port: number): Error {
  if (error.code === 'EADDRINUSE')
    return new CliError(`127.0.0.1:${port} is already in use: stop what listens there or pass --port N`);
  if (error.code === 'EACCES')
    return new CliError(`127.0.0.1:${port} is not allowed: pass --port N above 1023`);
  return error;
}

/**
 * Listens on 127.0.0.1 only (the local API has no TLS and trusts local tokens) and serves `jwks` at
 * {@link JWKS_PATH} beside the mounted app, so the app's own 404 and error handling stay in charge of every
 * other path. Rejects with a one-line `CliError` when the port is taken.
 */
export async function listenLocalHttp(port: number, jwks: JSONWebKeySet): Promise<LocalHttpServer> {
  const keys = new Hono().get(JWKS_PATH, (c) => c.json(jwks, 200, { 'cache-control': 'max-age=60' }));
  let app: Parameters<LocalHttpServer['mount']>[0] | null = null;
  const server = serve({
    hostname: '127.0.0.1',
    port,
    fetch: (request) => {
      if (new URL(request.url).pathname === JWKS_PATH) return keys.fetch(request);
      return app ? app.fetch(request) : new Response('starting', { status: 503 });
    },
  }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (error) => reject(listenError(error, port)));
  });
  const bound = (server.address() as AddressInfo).port;
  let closing: Promise<void> | null = null;
  return {
    origin: `http://127.0.0.1:${bound}`,
    mount(mounted) {
      app = mounted;
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
      });
      return closing;
    },
  };
}
