import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { describe, expect, it, type TestContext } from 'vitest';
import {
  LOCAL_ISSUER,
  LocalUserId,
  loadLocalSigningKey,
  localJwks,
  SIGNING_KEY_FILE,
  signLocalToken,
} from '../src/local-signing-key';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const printKeyId = fileURLToPath(new URL('./fixtures/print-signing-key-id.ts', import.meta.url));

function dataDir(onTestFinished: TestContext['onTestFinished']): string {
  const dir = mkdtempSync(join(tmpdir(), 'alex-signing-key-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function verify(dir: string, token: string, issuer: string) {
  return jwtVerify(token, createLocalJWKSet(await localJwks(dir)), { issuer, algorithms: ['RS256'] });
}

describe('the local signing key', () => {
  it('is created once, mode 0600, when concurrent calls race for it', async ({ onTestFinished }) => {
    const dir = dataDir(onTestFinished);
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadLocalSigningKey(dir)));
    expect(new Set(keys.map((key) => key.kid)).size).toBe(1);
    expect(readdirSync(dir)).toEqual([SIGNING_KEY_FILE]);
    expect(statSync(join(dir, SIGNING_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect((await loadLocalSigningKey(dir)).kid).toBe(keys[0]?.kid);
  });

  it('is created once when separate processes race for it, and every process uses that key', async ({
    onTestFinished,
  }) => {
    const dir = dataDir(onTestFinished);
    const run = promisify(execFile);
    const runs = await Promise.all(
      Array.from({ length: 4 }, () => run(join(root, 'node_modules/.bin/tsx'), [printKeyId, dir])),
    );
    const kids = runs.map((result) => result.stdout.trim());
    expect(new Set(kids).size).toBe(1);
    expect(kids[0]).toBe((await loadLocalSigningKey(dir)).kid);
    expect(readdirSync(dir)).toEqual([SIGNING_KEY_FILE]);
  }, 60_000);

  it('publishes only the public members in its JWKS', async ({ onTestFinished }) => {
    const dir = dataDir(onTestFinished);
    const { keys } = await localJwks(dir);
    expect(keys).toHaveLength(1);
    expect(Object.keys(keys[0] ?? {}).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
  });

  it('refuses a key file that is not a private RSA key, naming the file', async ({ onTestFinished }) => {
    const dir = dataDir(onTestFinished);
    writeFileSync(join(dir, SIGNING_KEY_FILE), '{"kty":"oct","k":"c2VjcmV0"}');
    await expect(loadLocalSigningKey(dir)).rejects.toThrow(
      `${SIGNING_KEY_FILE} is not a private RSA signing key`,
    );
  });
});

describe('local tokens', () => {
  it('carry the user id, name and a one-hour expiry, and verify against the local JWKS', async ({
    onTestFinished,
  }) => {
    const dir = dataDir(onTestFinished);
    const token = await signLocalToken(dir, { userId: 'test_user_001', name: 'Test User' });
    const { payload, protectedHeader } = await verify(dir, token, LOCAL_ISSUER);
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: (await loadLocalSigningKey(dir)).kid });
    expect(payload).toMatchObject({ iss: LOCAL_ISSUER, sub: 'test_user_001', name: 'Test User' });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(3600);
  });

  it('are refused by a verifier that expects another issuer', async ({ onTestFinished }) => {
    const dir = dataDir(onTestFinished);
    const token = await signLocalToken(dir, { userId: 'test_user_001' });
    await expect(verify(dir, token, 'https://clerk.example.com')).rejects.toThrow(/"iss" claim/);
  });

  it('are refused once they have expired', async ({ onTestFinished }) => {
    const dir = dataDir(onTestFinished);
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    const token = await signLocalToken(dir, { userId: 'test_user_001', now: twoHoursAgo });
    await expect(verify(dir, token, LOCAL_ISSUER)).rejects.toThrow(/"exp" claim/);
  });

  it('are refused by another data directory, whose key is different', async ({ onTestFinished }) => {
    const token = await signLocalToken(dataDir(onTestFinished), { userId: 'test_user_001' });
    await expect(verify(dataDir(onTestFinished), token, LOCAL_ISSUER)).rejects.toThrow();
  });

  it('are signed only for user ids the users table can hold', async ({ onTestFinished }) => {
    const dir = dataDir(onTestFinished);
    for (const bad of ['', 'a\nb', 'tab\there', '\u0000', 'x'.repeat(256), ' padded', '\uD800'])
      expect(LocalUserId.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(LocalUserId.safeParse('é'.repeat(255)).success).toBe(true);
    await expect(signLocalToken(dir, { userId: 'a\u001bb' })).rejects.toThrow(/control characters/);
  });
});
