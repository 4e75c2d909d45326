import { parseArgs } from 'node:util';
import { formatIssues } from '@alex/errors';
import { z } from 'zod';
import { LAMBDA_NAMES } from '../build/lambdas';
import { DeployError } from '../errors';

/** Where Terraform for the agents and the API lives, relative to the repository root. */
const TERRAFORM_DIR = 'terraform/agents';

/** An S3 bucket name (also checks what `terraform output` printed). */
export const BucketName = z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name');

/** Everything `pnpm run deploy` needs, from flags first and the environment second. */
export const DeployConfig = z
  .object({
    lambdas: z.array(z.enum(LAMBDA_NAMES)).min(1),
    mode: z.enum(['terraform', 'update-code']),
    dryRun: z.boolean(),
    skipBuild: z.boolean(),
    autoApprove: z.boolean(),
    /** Only run the preflight checks (before a first `terraform apply` of terraform/database too). */
    preflightOnly: z.boolean(),
    skipPreflight: z.boolean(),
    /** Skip the migrations and the application role's grants. */
    skipDatabase: z.boolean(),
    /** Stop after the preflight and the database step (a first deploy, before terraform/agents exists). */
    databaseOnly: z.boolean(),
    /** Write a new password into the app secret and set it on the role. */
    rotateAppPassword: z.boolean(),
    /** Unset: read from `terraform output -raw code_bucket`. */
    bucket: BucketName.optional(),
    /** Required unless dry-run: the S3 and Lambda clients' region. */
    region: z.string().min(1).optional(),
    /** Functions are `<prefix>-<name>`, matching Terraform's `name_prefix`. */
    functionPrefix: z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only'),
    terraformDir: z.string().min(1),
  })
  .refine((config) => config.dryRun || config.region !== undefined, {
    path: ['region'],
    message: 'required (set AWS_REGION or pass --region)',
  })
  .refine((config) => !(config.preflightOnly && config.skipPreflight), {
    path: ['preflight'],
    message: '--preflight and --skip-preflight exclude each other',
  })
  .refine((config) => !(config.databaseOnly && (config.skipDatabase || config.preflightOnly)), {
    path: ['databaseOnly'],
    message: '--database-only runs the database step: drop --skip-database and --preflight',
  })
  .refine((config) => !(config.rotateAppPassword && config.skipDatabase), {
    path: ['rotateAppPassword'],
    message: '--rotate-app-password needs the database step: drop --skip-database',
  });
export type DeployConfig = z.infer<typeof DeployConfig>;

const SOURCES: Record<string, string> = {
  lambdas: `positional Lambda names (${LAMBDA_NAMES.join(', ')})`,
  bucket: '--bucket or ALEX_CODE_BUCKET (terraform output code_bucket)',
  region: '--region or AWS_REGION',
  functionPrefix: '--prefix or ALEX_FUNCTION_PREFIX (terraform variable name_prefix)',
};

/** Usage of the deploy command, printed on a usage error. */
const DEPLOY_USAGE =
  'pnpm run deploy [lambda...] [--update-code] [--dry-run] [--skip-build] [--yes] [--bucket NAME] [--region REGION] [--prefix PREFIX] [--preflight | --skip-preflight] [--skip-database | --database-only] [--rotate-app-password]';

/** Parses the deploy command line and environment; the error names every bad setting and its source. */
export function parseDeployConfig(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): DeployConfig {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    throw new DeployError(`${(error as Error).message}; usage: ${DEPLOY_USAGE}`);
  }
  const { values, positionals } = parsed;
  const blank = (value: string | undefined) => (value === '' ? undefined : value);
  const result = DeployConfig.safeParse({
    lambdas: positionals.length > 0 ? positionals : [...LAMBDA_NAMES],
    mode: values['update-code'] ? 'update-code' : 'terraform',
    dryRun: values['dry-run'] ?? false,
    skipBuild: values['skip-build'] ?? false,
    autoApprove: values.yes ?? false,
    preflightOnly: values.preflight ?? false,
    skipPreflight: values['skip-preflight'] ?? false,
    skipDatabase: values['skip-database'] ?? false,
    databaseOnly: values['database-only'] ?? false,
    rotateAppPassword: values['rotate-app-password'] ?? false,
    bucket: blank(values.bucket ?? env.ALEX_CODE_BUCKET),
    region: blank(values.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION),
    functionPrefix: blank(values.prefix ?? env.ALEX_FUNCTION_PREFIX) ?? 'alex',
    terraformDir: TERRAFORM_DIR,
  });
  if (result.success) return result.data;
  // Each problem names its setting (`lambdas`, not `lambdas.0`): the key its source is listed under.
  const problems = result.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? 'config');
    return `${formatIssues([{ ...issue, path: [key] }])}${SOURCES[key] ? ` (from ${SOURCES[key]})` : ''}`;
  });
  throw new DeployError(`invalid deploy configuration: ${problems.join('; ')}`);
}

function parseCommandLine(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      'update-code': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      'skip-build': { type: 'boolean' },
      yes: { type: 'boolean' },
      preflight: { type: 'boolean' },
      'skip-preflight': { type: 'boolean' },
      'skip-database': { type: 'boolean' },
      'database-only': { type: 'boolean' },
      'rotate-app-password': { type: 'boolean' },
      bucket: { type: 'string' },
      region: { type: 'string' },
      prefix: { type: 'string' },
    },
  });
}
