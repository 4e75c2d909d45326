import type { BedrockClient } from '@aws-sdk/client-bedrock';
import type { RDSClient } from '@aws-sdk/client-rds';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DeployError } from '../errors';
import type { DeployConfig } from './deploy-config';
import { shellQuote } from './deploy-plan';
import { runPreflight } from './preflight';
import {
  type DatabaseOutputs,
  databaseOutputArgs,
  type MasterConnection,
  parseDatabaseOutputs,
  prepareDatabase,
} from './prepare-database';
import type { TerraformSettings } from './terraform-settings';

/** The clients of the steps before the code rollout: preflight and database. */
export interface PreDeployClients {
  rds: RDSClient;
  bedrock: BedrockClient;
  secrets: SecretsManagerClient;
}

/** What the preflight and the database step call, besides the clients. */
export interface PreDeployDeps {
  /** Runs a command and resolves with its trimmed stdout; rejects on a non-zero exit. */
  capture: (command: string, args: readonly string[]) => Promise<string>;
  readSettings: () => Promise<TerraformSettings>;
  openAsMaster: (outputs: DatabaseOutputs) => Promise<MasterConnection>;
}

/**
 * terraform/database's outputs, or undefined when it has none (not applied yet, or no state here). A dry
 * run only prints the command.
 */
export async function readDatabaseOutputs(
  config: DeployConfig,
  deps: PreDeployDeps,
  say: (line: string) => void,
): Promise<DatabaseOutputs | undefined> {
  const args = databaseOutputArgs();
  say(`terraform ${args.map(shellQuote).join(' ')}`);
  if (config.dryRun) return undefined;
  let json: string;
  try {
    json = await deps.capture('terraform', args);
  } catch {
    // Not initialised or no state: the same as no outputs; the database step says what to do.
    return undefined;
  }
  return parseDatabaseOutputs(json.startsWith('{') ? json : '{}');
}

/** Checks the engine version (unless the cluster exists) and Bedrock model access; a dry run prints them. */
export async function preflightStep(
  config: DeployConfig,
  settings: TerraformSettings,
  database: DatabaseOutputs | undefined,
  clients: PreDeployClients | undefined,
  say: (line: string) => void,
): Promise<void> {
  const input = {
    region: config.region ?? '<AWS_REGION>',
    engineVersion: database ? undefined : settings.engineVersion,
    bedrockRegion: settings.bedrockRegion,
    modelIds: settings.modelIds,
  };
  if (!clients) {
    say(
      `preflight: rds:DescribeDBEngineVersions aurora-postgresql ${settings.engineVersion} (unless the cluster exists); ` +
        `bedrock:GetFoundationModelAvailability ${settings.modelIds.join(', ')} in ${settings.bedrockRegion}`,
    );
    return;
  }
  await runPreflight(input, clients, say);
}

/** Migrates with the master secret and creates or updates the application role; a dry run prints the steps. */
export async function databaseStep(
  config: DeployConfig,
  database: DatabaseOutputs | undefined,
  clients: PreDeployClients | undefined,
  deps: PreDeployDeps,
  say: (line: string) => void,
): Promise<void> {
  if (!clients) {
    say('migrate over the Data API with the master secret (terraform/database output aurora_secret_arn)');
    say(
      `fill the app secret (output app_secret_arn) ${config.rotateAppPassword ? 'with a new password' : 'if it has no password yet'}, ` +
        'then create or update the application role and its grants',
    );
    return;
  }
  if (!database) {
    throw new DeployError(
      'terraform/database has no outputs: apply it first (guides/2-deploying-to-aws.md), or deploy with --skip-database',
    );
  }
  await prepareDatabase(
    database,
    { rotateAppPassword: config.rotateAppPassword },
    { openAsMaster: deps.openAsMaster, secrets: clients.secrets, say },
  );
}
