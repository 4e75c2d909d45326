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
  /** Seconds from now before which the token is not valid (`nbf`). */
  notBefore?: number;
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
  const now = () => Math.floor(Date.now() / 1000);
  /** A token for `sub` (none when null). */
  const sign = (sub: string | null, options: TokenOptions = {}) => {
    const token = new SignJWT(options.claims ?? {})
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(options.issuer ?? ISSUER)
      .setIssuedAt()
      .setExpirationTime(now() + (options.expiresIn ?? 600));
    if (sub !== null) token.setSubject(sub);
    if (options.notBefore !== undefined) token.setNotBefore(now() + options.notBefore);
    return token.sign(options.foreignKey ? foreign.privateKey : own.privateKey);
  };
  return { verifyToken, sign, publicKey: own.publicKey };
}
