import { issueLines } from '@alex/errors';
import { z } from 'zod';
import { DatabaseConfigError } from './errors';

/** Which database to open and how to reach it. */
export type DatabaseConfig =
  | { driver: 'pglite'; dataDir: string | null }
  | { driver: 'postgres'; url: string }
  | {
      driver: 'data-api';
      resourceArn: string;
      secretArn: string;
      database: string;
      region: string;
      endpoint?: string;
    };

const Arn = z.string().regex(/^arn:aws[a-z-]*:/, 'must be an ARN (arn:aws:...)');

const DatabaseEnv = z.object({
  ALEX_DB_DRIVER: z.enum(['pglite', 'postgres', 'data-api']).optional(),
  ALEX_DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_CLUSTER_ARN: Arn.optional(),
  DATABASE_SECRET_ARN: Arn.optional(),
  DATABASE_NAME: z.string().min(1).default('alex'),
  AWS_REGION: z.string().min(1).optional(),
  RDS_DATA_ENDPOINT: z.url().optional(),
});

const SOURCES: Record<string, string> = {
  DATABASE_URL: '.env.example (a PostgreSQL URL)',
  DATABASE_CLUSTER_ARN: 'terraform output aurora_cluster_arn',
  DATABASE_SECRET_ARN: 'terraform output aurora_secret_arn',
};

function fail(problems: string[]): never {
  throw new DatabaseConfigError(`Invalid database configuration: ${problems.join('; ')}`);
}

function required(env: z.infer<typeof DatabaseEnv>, names: (keyof typeof env)[]): void {
  const missing = names.filter((name) => env[name] === undefined);
  if (missing.length > 0)
    fail(missing.map((name) => `${name} is required (from ${SOURCES[name] ?? '.env.example'})`));
}

/**
 * Chooses the driver from the environment: ALEX_DB_DRIVER when set, otherwise the Data API when a cluster
 * ARN is given, a PostgreSQL server when DATABASE_URL is, and the embedded database in ALEX_DATA_DIR
 * (or `defaultDataDir`) otherwise.
 */
export function databaseConfigFromEnv(
  rawEnv: Record<string, string | undefined>,
  defaults: { dataDir: string | null },
): DatabaseConfig {
  // An empty variable (as copied from .env.example) means unset.
  const parsed = DatabaseEnv.safeParse(
    Object.fromEntries(Object.entries(rawEnv).filter(([, v]) => v !== '')),
  );
  if (!parsed.success) fail(issueLines(parsed.error));
  const env = parsed.data;
  const driver =
    env.ALEX_DB_DRIVER ?? (env.DATABASE_CLUSTER_ARN ? 'data-api' : env.DATABASE_URL ? 'postgres' : 'pglite');
  if (driver === 'pglite') return { driver, dataDir: env.ALEX_DATA_DIR ?? defaults.dataDir };
  if (driver === 'postgres') {
    required(env, ['DATABASE_URL']);
    return { driver, url: env.DATABASE_URL as string };
  }
  required(env, ['DATABASE_CLUSTER_ARN', 'DATABASE_SECRET_ARN']);
  return {
    driver,
    resourceArn: env.DATABASE_CLUSTER_ARN as string,
    secretArn: env.DATABASE_SECRET_ARN as string,
    database: env.DATABASE_NAME,
    region: env.AWS_REGION ?? regionOfArn(env.DATABASE_CLUSTER_ARN as string),
    ...(env.RDS_DATA_ENDPOINT ? { endpoint: env.RDS_DATA_ENDPOINT } : {}),
  };
}

/** The region named in an ARN (arn:aws:rds:REGION:...). */
function regionOfArn(arn: string): string {
  return arn.split(':')[3] || 'us-east-1';
}
