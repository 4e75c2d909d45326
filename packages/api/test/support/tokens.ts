import { createLocalJWKSet, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { createKeySetVerifier, type TokenVerifier } from '../../src';

/** The issuer the test verifier accepts. */
export const ISSUER = 'https://clerk.alex.test';

/** How a test token differs from a valid one. */
export interface TokenOptions {
  issuer?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  claims?: JWTPayload;
  /** Signs with another key than the one the verifier knows. */
  foreignKey?: boolean;
}

/** A key pair, a verifier over its local JWKS, and a signer of test tokens. */
export async function testKeys(rules: { authorizedParties?: string[]; audience?: string } = {}) {
  const own = await generateKeyPair('RS256');
  const foreign = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(own.publicKey)), kid: 'test-key', alg: 'RS256' };
  const verifyToken: TokenVerifier = createKeySetVerifier(createLocalJWKSet({ keys: [jwk] }), {
    issuer: ISSUER,
    ...rules,
  });
  const sign = (sub: string, options: TokenOptions = {}) =>
    new SignJWT(options.claims ?? {})
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setSubject(sub)
      .setIssuer(options.issuer ?? ISSUER)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + (options.expiresIn ?? 600))
      .sign(options.foreignKey ? foreign.privateKey : own.privateKey);
  return { verifyToken, sign };
}
