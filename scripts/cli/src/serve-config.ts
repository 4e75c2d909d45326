import { issueLines } from '@alex/errors';
import { z } from 'zod';
import { CliError } from './errors';

/** Where `alex serve` takes its tokens from: the local signing key, or Clerk when it is configured. */
export type ServeAuth =
  | { kind: 'local' }
  | { kind: 'clerk'; jwksUrl: string; issuer: string; audience?: string; authorizedParties?: string[] };

/** The settings of `alex serve` that come from the environment. */
export interface ServeConfig {
  corsOrigins: string[];
  auth: ServeAuth;
}

const list = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()))
  .pipe(z.array(z.string().min(1, 'must be a comma-separated list without empty entries')).min(1));

const ServeEnv = z.object({
  CORS_ORIGINS: list.pipe(z.array(z.url({ protocol: /^https?$/ }))).default(['http://localhost:3000']),
  CLERK_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  CLERK_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  CLERK_AUDIENCE: z.string().min(1).optional(),
  CLERK_AUTHORIZED_PARTIES: list.optional(),
});

/**
 * Parses `alex serve`'s environment (an empty variable, as copied from .env.example, means unset): CORS
 * origins (default the reference frontend's `http://localhost:3000`) and, when CLERK_JWKS_URL and
 * CLERK_ISSUER are both set, Clerk's token settings instead of the local signing key.
 */
export function serveConfigFromEnv(rawEnv: Record<string, string | undefined>): ServeConfig {
  const set = Object.fromEntries(Object.entries(rawEnv).filter(([, value]) => value !== ''));
  const parsed = ServeEnv.safeParse(set);
  if (!parsed.success) throw new CliError(`invalid environment: ${issueLines(parsed.error).join('; ')}`);
  const env = parsed.data;
  const clerkNames = [
    'CLERK_AUDIENCE',
    'CLERK_AUTHORIZED_PARTIES',
    'CLERK_ISSUER',
    'CLERK_JWKS_URL',
  ] as const;
  const clerkSet = clerkNames.filter((name) => env[name] !== undefined);
  if (!env.CLERK_JWKS_URL || !env.CLERK_ISSUER) {
    if (clerkSet.length === 0) return { corsOrigins: env.CORS_ORIGINS, auth: { kind: 'local' } };
    throw new CliError(
      `${clerkSet.join(', ')} set without ${env.CLERK_JWKS_URL ? 'CLERK_ISSUER' : 'CLERK_JWKS_URL'}` +
        `${env.CLERK_JWKS_URL || env.CLERK_ISSUER ? '' : ' and CLERK_ISSUER'}: ` +
        'set CLERK_JWKS_URL and CLERK_ISSUER (from the Clerk dashboard) to verify Clerk tokens, or none for local tokens',
    );
  }
  return {
    corsOrigins: env.CORS_ORIGINS,
    auth: {
      kind: 'clerk',
      jwksUrl: env.CLERK_JWKS_URL,
      issuer: env.CLERK_ISSUER,
      ...(env.CLERK_AUDIENCE ? { audience: env.CLERK_AUDIENCE } : {}),
      ...(env.CLERK_AUTHORIZED_PARTIES ? { authorizedParties: env.CLERK_AUTHORIZED_PARTIES } : {}),
    },
  };
}
