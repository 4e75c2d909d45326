import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import { DeployError } from '../errors';
import { appRoleStatements, scramSha256Verifier } from './app-role-sql';
import { ensureAppSecret } from './app-secret';

/** Where the database module lives, relative to the repository root. */
const DATABASE_TERRAFORM_DIR = 'terraform/database';

const Output = <T extends z.ZodType>(value: T) => z.object({ value });

/** The terraform/database outputs the database step needs (`terraform output -json`). */
const DatabaseOutputsJson = z.object({
  aurora_cluster_arn: Output(z.string().regex(/^arn:aws[a-z-]*:rds:[a-z0-9-]+:\d{12}:cluster:[\w-]+$/)),
  aurora_secret_arn: Output(z.string().regex(/^arn:aws[a-z-]*:secretsmanager:/)),
  app_secret_arn: Output(z.string().regex(/^arn:aws[a-z-]*:secretsmanager:/)),
  app_username: Output(z.string()),
  database_name: Output(z.string()),
  aurora_cluster_endpoint: Output(z.string().min(1)),
  aurora_cluster_port: Output(z.number().int()),
});

/** The cluster, its two secrets and where the application user connects. */
export interface DatabaseOutputs {
  clusterArn: string;
  /** The master user's secret: migrations and the role's grants only. */
  masterSecretArn: string;
  appSecretArn: string;
  appUsername: string;
  database: string;
  host: string;
  port: number;
}

/** The arguments that print terraform/database's outputs as JSON. */
export function databaseOutputArgs(): string[] {
  return [`-chdir=${DATABASE_TERRAFORM_DIR}`, 'output', '-no-color', '-json'];
}

/** Parses `terraform output -json`; undefined when the module has no outputs yet (not applied). */
export function parseDatabaseOutputs(json: string): DatabaseOutputs | undefined {
  const raw = JSON.parse(json || '{}') as Record<string, unknown>;
  if (Object.keys(raw).length === 0) return undefined;
  const parsed = DatabaseOutputsJson.safeParse(raw);
  if (!parsed.success) {
    const missing = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))].join(', ');
    throw new DeployError(
      `terraform/database outputs are missing or invalid (${missing}): apply terraform/database first`,
    );
  }
  const out = parsed.data;
  return {
    clusterArn: out.aurora_cluster_arn.value,
    masterSecretArn: out.aurora_secret_arn.value,
    appSecretArn: out.app_secret_arn.value,
    appUsername: out.app_username.value,
    database: out.database_name.value,
    host: out.aurora_cluster_endpoint.value,
    port: out.aurora_cluster_port.value,
  };
}

/** The cluster opened over the Data API with the master secret. */
export interface MasterConnection {
  migrate(): Promise<void>;
  execute(statement: string): Promise<void>;
  close(): Promise<void>;
}

/** What the database step calls. */
export interface PrepareDatabaseDeps {
  openAsMaster: (outputs: DatabaseOutputs) => Promise<MasterConnection>;
  secrets: SecretsManagerClient;
  say: (line: string) => void;
}

/**
 * Migrates with the master secret, makes sure the app secret holds a password, then creates or updates the
 * application role with it and re-applies its grants (after the migrations, so their new tables are covered).
 */
export async function prepareDatabase(
  outputs: DatabaseOutputs,
  options: { rotateAppPassword: boolean },
  deps: PrepareDatabaseDeps,
): Promise<void> {
  const connection = await deps.openAsMaster(outputs);
  try {
    deps.say(
      `migrate ${outputs.database} over the Data API with the master secret (${outputs.masterSecretArn})`,
    );
    await connection.migrate();
    const secret = await ensureAppSecret(
      deps.secrets,
      {
        secretArn: outputs.appSecretArn,
        username: outputs.appUsername,
        host: outputs.host,
        port: outputs.port,
        database: outputs.database,
        clusterIdentifier: outputs.clusterArn.split(':').at(-1) ?? '',
      },
      { rotate: options.rotateAppPassword },
    );
    deps.say(`app secret ${outputs.appSecretArn}: password ${secret.action}`);
    const statements = appRoleStatements({
      role: outputs.appUsername,
      passwordVerifier: scramSha256Verifier(secret.password),
      database: outputs.database,
    });
    deps.say(
      `create or update role ${outputs.appUsername} with data rights only (${statements.length} statements)`,
    );
    for (const statement of statements) await connection.execute(statement);
  } finally {
    await connection.close();
  }
}
