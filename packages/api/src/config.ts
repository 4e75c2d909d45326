import { COMMON_ENV_SOURCES, CommonAgentEnv, parseConfig } from '@alex/runtime';
import { z } from 'zod';

const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0),
);

/** The API Lambda's environment: the database settings of every Lambda, the jobs queue, Clerk and CORS. */
export const ApiEnv = CommonAgentEnv.extend({
  JOBS_QUEUE_URL: z.url(),
  CLERK_JWKS_URL: z.url(),
  CLERK_ISSUER: z.url(),
  CLERK_AUDIENCE: z.string().min(1).optional(),
  CLERK_AUTHORIZED_PARTIES: commaList.optional(),
  CORS_ORIGINS: commaList.default(['http://localhost:3000']),
});
export type ApiEnv = z.output<typeof ApiEnv>;

/** Where each API variable's value comes from, for configuration errors. */
export const API_ENV_SOURCES: Record<string, string> = {
  ...COMMON_ENV_SOURCES,
  JOBS_QUEUE_URL: 'terraform output jobs_queue_url',
  CLERK_JWKS_URL: 'terraform variable clerk_jwks_url',
  CLERK_ISSUER: 'terraform variable clerk_issuer',
  CLERK_AUDIENCE: 'terraform variable clerk_audience',
  CLERK_AUTHORIZED_PARTIES: 'terraform variable clerk_authorized_parties',
  CORS_ORIGINS: 'terraform variable cors_origins',
};

/** Parses the API's environment; the error names every missing or invalid variable and its source. */
export function parseApiConfig(env: Record<string, string | undefined>): ApiEnv {
  return parseConfig(ApiEnv, env, API_ENV_SOURCES);
}
