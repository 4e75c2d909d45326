import { describe, expect, it } from 'vitest';
import { serveConfigFromEnv } from '../src/serve-config';

describe('serveConfigFromEnv', () => {
  it('verifies local tokens and allows the reference frontend by default', () => {
    expect(serveConfigFromEnv({})).toEqual({
      corsOrigins: ['http://localhost:3000'],
      auth: { kind: 'local' },
    });
  });

  it('treats empty variables as unset', () => {
    expect(serveConfigFromEnv({ CORS_ORIGINS: '', CLERK_JWKS_URL: '', CLERK_ISSUER: '' }).auth).toEqual({
      kind: 'local',
    });
  });

  it('reads a comma-separated list of CORS origins', () => {
    expect(
      serveConfigFromEnv({ CORS_ORIGINS: 'http://localhost:3000, https://app.example.com' }).corsOrigins,
    ).toEqual(['http://localhost:3000', 'https://app.example.com']);
  });

  it('verifies Clerk tokens when the JWKS URL and issuer are both set', () => {
    const config = serveConfigFromEnv({
      CLERK_JWKS_URL: 'https://clerk.example.com/.well-known/jwks.json',
      CLERK_ISSUER: 'https://clerk.example.com',
      CLERK_AUDIENCE: 'alex',
      CLERK_AUTHORIZED_PARTIES: 'http://localhost:3000',
    });
    expect(config.auth).toEqual({
      kind: 'clerk',
      jwksUrl: 'https://clerk.example.com/.well-known/jwks.json',
      issuer: 'https://clerk.example.com',
      audience: 'alex',
      authorizedParties: ['http://localhost:3000'],
    });
  });

  it('refuses half a Clerk configuration instead of falling back to local tokens', () => {
    expect(() => serveConfigFromEnv({ CLERK_JWKS_URL: 'https://clerk.example.com/jwks' })).toThrow(
      'CLERK_JWKS_URL set without CLERK_ISSUER',
    );
    expect(() => serveConfigFromEnv({ CLERK_AUDIENCE: 'alex' })).toThrow(
      'CLERK_AUDIENCE set without CLERK_JWKS_URL and CLERK_ISSUER',
    );
  });

  it('names an invalid origin', () => {
    expect(() => serveConfigFromEnv({ CORS_ORIGINS: 'localhost:3000' })).toThrow(/CORS_ORIGINS\.0: /);
  });
});
