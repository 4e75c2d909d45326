import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJwksVerifier } from '@alex/api';
import { LOCAL_ISSUER, localJwks, signLocalToken } from '@alex/local-stack/signing-key';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../src/errors';
import { JWKS_PATH, type LocalHttpServer, listenLocalHttp } from '../src/local-http-server';

const dataDir = mkdtempSync(join(tmpdir(), 'alex-http-'));
let server: LocalHttpServer;

beforeAll(async () => {
  server = await listenLocalHttp(0, await localJwks(dataDir));
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const localVerifier = () =>
  createJwksVerifier({ jwksUrl: `${server.origin}${JWKS_PATH}`, issuer: LOCAL_ISSUER });

describe('the local HTTP server', () => {
  it('serves the JWKS at once and answers 503 until an app is mounted', async () => {
    const jwks = await fetch(`${server.origin}${JWKS_PATH}`);
    expect(jwks.status).toBe(200);
    expect(await jwks.json()).toEqual(await localJwks(dataDir));
    expect((await fetch(`${server.origin}/health`)).status).toBe(503);
  });

  it('hands every other path to the mounted app, including its own 404', async () => {
    const app = new Hono().get('/health', (c) => c.json({ ok: true }));
    app.notFound((c) => c.json({ detail: 'not found' }, 404));
    server.mount(app);
    expect(await (await fetch(`${server.origin}/health`)).json()).toEqual({ ok: true });
    const missing = await fetch(`${server.origin}/nowhere`);
    expect([missing.status, await missing.json()]).toEqual([404, { detail: 'not found' }]);
  });

  it('listens on 127.0.0.1 only', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses a port in use with a one-line error', async () => {
    const port = Number(new URL(server.origin).port);
    const taken = listenLocalHttp(port, { keys: [] });
    await expect(taken).rejects.toBeInstanceOf(CliError);
    await expect(taken).rejects.toThrow(`127.0.0.1:${port} is already in use`);
  });

  it('frees its port when closed', async () => {
    const other = await listenLocalHttp(0, { keys: [] });
    const port = Number(new URL(other.origin).port);
    await other.close();
    await other.close();
    const probe = createServer();
    await new Promise<void>((resolve, reject) =>
      probe.once('error', reject).listen(port, '127.0.0.1', resolve),
    );
    await new Promise((resolve) => probe.close(resolve));
  });
});

describe('local tokens through the served JWKS', () => {
  it('are accepted by the API verifier configured with the local issuer', async () => {
    const token = await signLocalToken(dataDir, { userId: 'test_user_001', name: 'Test User' });
    await expect(localVerifier()(token)).resolves.toEqual({ sub: 'test_user_001', name: 'Test User' });
  });

  it('are refused by a verifier configured with another issuer', async () => {
    const token = await signLocalToken(dataDir, { userId: 'test_user_001' });
    const clerk = createJwksVerifier({
      jwksUrl: `${server.origin}${JWKS_PATH}`,
      issuer: 'https://clerk.example.com',
    });
    await expect(clerk(token)).rejects.toThrow(/"iss" claim/);
  });

  it('are refused once expired', async () => {
    const token = await signLocalToken(dataDir, {
      userId: 'test_user_001',
      ttlSeconds: 60,
      now: new Date(Date.now() - 3600_000),
    });
    await expect(localVerifier()(token)).rejects.toThrow(/"exp" claim/);
  });

  it('are refused when signed by another data directory key', async () => {
    const other = mkdtempSync(join(tmpdir(), 'alex-http-other-'));
    try {
      const token = await signLocalToken(other, { userId: 'test_user_001' });
      await expect(localVerifier()(token)).rejects.toThrow();
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
