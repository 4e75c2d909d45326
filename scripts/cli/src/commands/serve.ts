import { createApp, createJwksVerifier, type TokenVerifier } from '@alex/api';
import { LOCAL_ISSUER, localJwks } from '@alex/local-stack/signing-key';
import { systemClock } from '@alex/runtime';
import { UsageError } from '../errors';
import { localDataDir, withConfiguredDatabase } from '../local-database';
import { JWKS_PATH, listenLocalHttp } from '../local-http-server';
import type { Output } from '../output';
import { type ServeAuth, serveConfigFromEnv } from '../serve-config';
import type { CommandContext } from './command';

/** The reference frontend calls `http://localhost:8000`. */
const DEFAULT_PORT = 8000;

function port(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed > 65_535) throw new UsageError(`--port must be 0-65535, got "${value}"`);
  return parsed;
}

/** Tokens are checked through a JWKS URL exactly as in AWS: Clerk's when configured, else this server's own. */
function tokenVerifier(auth: ServeAuth, origin: string): TokenVerifier {
  if (auth.kind === 'clerk') {
    const { kind: _, ...clerk } = auth;
    return createJwksVerifier(clerk);
  }
  return createJwksVerifier({ jwksUrl: `${origin}${JWKS_PATH}`, issuer: LOCAL_ISSUER });
}

/** Resolves with the first SIGINT or SIGTERM; a second one while stopping ends the process at once. */
function stopSignal(output: Output): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const first = (signal: NodeJS.Signals) => {
      process.off('SIGINT', first).off('SIGTERM', first);
      output.log(`${signal}: stopping (again to stop at once)`);
      const forced = () => process.exit(1);
      process.once('SIGINT', forced).once('SIGTERM', forced);
      resolve(signal);
    };
    process.once('SIGINT', first).once('SIGTERM', first);
  });
}

function banner(origin: string, auth: ServeAuth): string {
  const tokens =
    auth.kind === 'clerk'
      ? `Clerk tokens from ${auth.issuer}`
      : `local tokens: TOKEN=$(pnpm --silent alex token --user test_user_001)`;
  return `Alex API on ${origin} (${tokens}; Ctrl-C stops)`;
}

/**
 * `alex serve`: the HTTP API on 127.0.0.1 over the local stack: the configured database (the embedded one
 * through its local database server), the local jobs queue with in-process agents, and the JWKS of the local
 * signing key. Runs until SIGINT or SIGTERM, then closes the server, the queue and the database, in order.
 */
export async function serveApi(context: CommandContext): Promise<void> {
  const { flags, output } = context;
  const stopped = stopSignal(output);
  const config = serveConfigFromEnv(process.env);
  // Listening first: a port in use is reported before the database and the queue start.
  const http = await listenLocalHttp(port(typeof flags.port === 'string' ? flags.port : undefined), {
    keys: config.auth.kind === 'local' ? (await localJwks(localDataDir())).keys : [],
  });
  try {
    await withConfiguredDatabase(output, { requireSchema: true }, async (handle) => {
      // Loaded once the port is ours: the agents and the queue are most of the start-up time.
      const { startLocalApiStack } = await import('../local-api-stack');
      const stack = await startLocalApiStack(handle, output);
      try {
        http.mount(
          createApp({
            repos: stack.repos,
            queue: stack.queue,
            verifyToken: tokenVerifier(config.auth, http.origin),
            corsOrigins: config.corsOrigins,
            logger: stack.logger,
            clock: systemClock,
          }),
        );
        output.log(banner(http.origin, config.auth));
        await stopped;
        await http.close();
      } finally {
        await stack.stop();
      }
    });
  } finally {
    await http.close();
  }
}
