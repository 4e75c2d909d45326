import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';

// 1 to 255 code points (varchar(255) counts those), none a control character or a lone surrogate.
const STORABLE_SUB = /^[^\p{Cc}\p{Cs}]{1,255}$/u;

/** The claims of a verified token the API uses. */
export interface VerifiedToken {
  sub: string;
  name?: string;
  email?: string;
}

/** Verifies a bearer token (signature, expiry, issuer...) and returns its claims, or rejects. */
export type TokenVerifier = (token: string) => Promise<VerifiedToken>;

/** What a token must satisfy besides a valid RS256 signature and its `exp`/`nbf`. */
export interface TokenRules {
  issuer: string;
  /** Checked when given (Clerk session tokens carry none unless configured). */
  audience?: string | string[];
  /** The token's `azp` (the frontend origin that obtained it) must be one of these, when given. */
  authorizedParties?: string[];
}

/** Verifies tokens against a key set: jose's `createLocalJWKSet` for local keys, or a remote JWKS. */
export function createKeySetVerifier(keys: JWTVerifyGetKey, rules: TokenRules): TokenVerifier {
  return async (token) => {
    const { payload } = await jwtVerify(token, keys, {
      algorithms: ['RS256'],
      issuer: rules.issuer,
      ...(rules.audience ? { audience: rules.audience } : {}),
      clockTolerance: 5,
      requiredClaims: ['sub', 'exp'],
    });
    const parties = rules.authorizedParties ?? [];
    if (parties.length > 0 && (typeof payload.azp !== 'string' || !parties.includes(payload.azp))) {
      throw new Error('token azp is not an authorized party');
    }
    // `sub` becomes users.clerk_user_id, a varchar(255): text PostgreSQL cannot store is refused here, not a 500.
    if (typeof payload.sub !== 'string' || !STORABLE_SUB.test(payload.sub)) {
      throw new Error('token sub is missing, too long or not storable text');
    }
    return {
      sub: payload.sub,
      ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
      ...(typeof payload.email === 'string' ? { email: payload.email } : {}),
    };
  };
}

/** Verifies Clerk session tokens with the keys published at `jwksUrl` (fetched once, then cached by jose). */
export function createJwksVerifier(options: TokenRules & { jwksUrl: string }): TokenVerifier {
  const { jwksUrl, ...rules } = options;
  return createKeySetVerifier(createRemoteJWKSet(new URL(jwksUrl)), rules);
}
