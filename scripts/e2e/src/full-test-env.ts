import { z } from 'zod';

/** What the full test needs to reach a deployed stack (or the local cloud, which provides the same). */
export const FullTestEnv = z.object({
  AWS_REGION: z.string().min(1),
  ALEX_QUEUE_URL: z.url(),
  DATABASE_CLUSTER_ARN: z.string().regex(/^arn:aws[a-z-]*:rds:/, 'must be an Aurora cluster ARN'),
  DATABASE_SECRET_ARN: z
    .string()
    .regex(/^arn:aws[a-z-]*:secretsmanager:/, 'must be a Secrets Manager secret ARN'),
  DATABASE_NAME: z.string().min(1).default('alex'),
  /** With ALEX_API_TOKEN: submit the job through the deployed HTTP API instead of the database and queue. */
  ALEX_API_URL: z.url().optional(),
  /** A current Clerk session token (with the aud the API expects) of a user who holds positions. */
  ALEX_API_TOKEN: z.string().min(1).optional(),
  /** Service-specific endpoints, as the AWS SDK reads them; set by `--local`. */
  AWS_ENDPOINT_URL_RDS_DATA: z.url().optional(),
  AWS_ENDPOINT_URL_SQS: z.url().optional(),
  AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
  AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  AWS_SESSION_TOKEN: z.string().min(1).optional(),
});
export type FullTestEnv = z.infer<typeof FullTestEnv>;

/** Where each required value comes from, for the message printed when it is missing. */
const FULL_TEST_ENV_SOURCES: Record<string, string> = {
  AWS_REGION: 'the region you deployed to (e.g. us-east-1)',
  ALEX_QUEUE_URL:
    'terraform output jobs_queue_url (cd terraform/agents && terraform output -raw jobs_queue_url)',
  DATABASE_CLUSTER_ARN:
    'terraform output aurora_cluster_arn (cd terraform/database && terraform output -raw aurora_cluster_arn)',
  DATABASE_SECRET_ARN:
    'terraform output app_secret_arn (cd terraform/database && terraform output -raw app_secret_arn)',
  DATABASE_NAME: 'optional, default alex (terraform output database_name)',
  ALEX_API_URL: 'terraform output api_url (cd terraform/agents && terraform output -raw api_url)',
  ALEX_API_TOKEN: "a signed-in test user's Clerk session token (the frontend's getToken())",
};

/** ALEX_API_URL and ALEX_API_TOKEN go together: one without the other is a mistake, not the direct path. */
function apiPairProblems(present: Record<string, string | undefined>): string[] {
  const url = present.ALEX_API_URL !== undefined;
  const token = present.ALEX_API_TOKEN !== undefined;
  if (url === token) return [];
  const missing = url ? 'ALEX_API_TOKEN' : 'ALEX_API_URL';
  return [
    `  ${missing} is not set but ${url ? 'ALEX_API_URL' : 'ALEX_API_TOKEN'} is; from ${FULL_TEST_ENV_SOURCES[missing]}`,
  ];
}

/**
 * Reads the full test's settings from an environment (empty values count as unset); the error lists every
 * missing or invalid variable with where its value comes from.
 */
export function parseFullTestEnv(
  raw: Record<string, string | undefined>,
): { ok: true; value: FullTestEnv } | { ok: false; error: string } {
  const present = Object.fromEntries(
    Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = FullTestEnv.safeParse(present);
  const pair = apiPairProblems(present);
  if (parsed.success && pair.length === 0) return { ok: true, value: parsed.data };
  const issues = parsed.success ? [] : parsed.error.issues;
  const lines = issues.map((issue) => {
    const name = String(issue.path[0] ?? 'env');
    const problem = present[name] === undefined ? 'is not set' : `is invalid: ${issue.message}`;
    const source = FULL_TEST_ENV_SOURCES[name];
    return `  ${name} ${problem}${source ? `; from ${source}` : ''}`;
  });
  return {
    ok: false,
    error: [
      'pnpm test:full runs against a deployed stack and needs these variables:',
      ...lines,
      ...pair,
      'Or run `pnpm test:full --local` to test the built bundles against a local cloud.',
    ].join('\n'),
  };
}

/**
 * SDK client settings: the region and, for an endpoint override (the local cloud), that endpoint with the
 * env's keys; against AWS the SDK's default credential chain applies.
 */
export function clientSettings(env: FullTestEnv, endpoint: string | undefined) {
  if (!endpoint) return { region: env.AWS_REGION };
  const credentials =
    env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
      ? {
          accessKeyId: env.AWS_ACCESS_KEY_ID,
          secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
          ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
        }
      : undefined;
  return { region: env.AWS_REGION, endpoint, ...(credentials ? { credentials } : {}) };
}
