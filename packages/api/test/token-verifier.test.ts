import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwksVerifier } from '../src';

const ISSUER = 'https://clerk.jwks.test';

describe('createJwksVerifier', () => {
  let server: Server;
  let jwksUrl = '';
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  let requests = 0;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const keys = [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }];
    server = createServer((_, response) => {
      requests += 1;
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sign = (claims: JWTPayload, expiresIn = 300) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setSubject('user_jwks')
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + expiresIn)
      .sign(privateKey);

  it('verifies tokens with the keys served at the JWKS URL, fetching them once', async () => {
    const verify = createJwksVerifier({ jwksUrl, issuer: ISSUER });
    expect(await verify(await sign({ name: 'Ada', email: 'ada@example.com' }))).toEqual({
      sub: 'user_jwks',
      name: 'Ada',
      email: 'ada@example.com',
    });
    await verify(await sign({}));
    expect(requests).toBe(1);
  });

  it('checks the audience and the authorized party only when they are configured', async () => {
    const strict = createJwksVerifier({
      jwksUrl,
      issuer: ISSUER,
      audience: 'alex-api',
      authorizedParties: ['https://alex.example.com'],
    });
    const good = await sign({ aud: 'alex-api', azp: 'https://alex.example.com' });
    expect((await strict(good)).sub).toBe('user_jwks');
    await expect(strict(await sign({ aud: 'other-api', azp: 'https://alex.example.com' }))).rejects.toThrow();
    await expect(strict(await sign({ aud: 'alex-api', azp: 'https://evil.example.com' }))).rejects.toThrow();
    await expect(strict(await sign({ azp: 'https://alex.example.com' }))).rejects.toThrow();
    const lenient = createJwksVerifier({ jwksUrl, issuer: ISSUER });
    expect((await lenient(await sign({ aud: 'other-api' }))).sub).toBe('user_jwks');
  });

  it('refuses a token that is not valid yet or has expired', async () => {
    const verify = createJwksVerifier({ jwksUrl, issuer: ISSUER });
    const notYet = await sign({ nbf: Math.floor(Date.now() / 1000) + 120 });
    await expect(verify(notYet)).rejects.toMatchObject({ code: 'ERR_JWT_CLAIM_VALIDATION_FAILED' });
    await expect(verify(await sign({}, -60))).rejects.toMatchObject({ code: 'ERR_JWT_EXPIRED' });
  });
});
