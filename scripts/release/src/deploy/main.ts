import { openDataApiDatabase } from '@alex/database/data-api';
import { BedrockClient } from '@aws-sdk/client-bedrock';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { RDSClient } from '@aws-sdk/client-rds';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { buildLambdas } from '../build/build-lambdas';
import { lambdaTarget } from '../build/lambdas';
import { readManifest } from '../build/package-lambda';
import { workspaceRoot } from '../repo-root';
import { parseDeployConfig } from './deploy-config';
import { captureCommand, runCommand } from './run-command';
import { runDeploy } from './run-deploy';
import { readTerraformSettings } from './terraform-settings';

// `pnpm run deploy [lambda...] [--update-code] [--dry-run] [--preflight]` (plain `pnpm deploy` is pnpm's own command).
const log = (line: string) => process.stdout.write(`${line}\n`);
const root = workspaceRoot();
try {
  // pnpm forwards a literal `--` when the user types `pnpm run deploy -- --dry-run`.
  const config = parseDeployConfig(
    process.argv.slice(2).filter((arg) => arg !== '--'),
    process.env,
  );
  const region = config.region;
  await runDeploy(config, {
    root,
    log,
    build: async (lambdas) => {
      const targets = lambdas.map((name) => lambdaTarget(root, name));
      return (await buildLambdas({ root, targets, log })).map((built) => built.manifest);
    },
    readManifests: (lambdas) => Promise.all(lambdas.map((name) => readManifest(lambdaTarget(root, name)))),
    clients: (bedrockRegion) => ({
      s3: new S3Client(region ? { region } : {}),
      lambda: new LambdaClient(region ? { region, maxAttempts: 3 } : { maxAttempts: 3 }),
      rds: new RDSClient(region ? { region } : {}),
      bedrock: new BedrockClient({ region: bedrockRegion }),
      secrets: new SecretsManagerClient(region ? { region } : {}),
    }),
    readSettings: () => readTerraformSettings(root),
    // The master secret, for the migrations and the application role's grants only.
    openAsMaster: async (outputs) => {
      const handle = await openDataApiDatabase({
        resourceArn: outputs.clusterArn,
        secretArn: outputs.masterSecretArn,
        database: outputs.database,
        ...(region ? { region } : {}),
      });
      return {
        migrate: () => handle.migrate(),
        execute: async (statement) => {
          await handle.db.execute(statement);
        },
        close: () => handle.close(),
      };
    },
    run: (command, args) => runCommand(command, args, root),
    capture: (command, args) => captureCommand(command, args, root),
  });
} catch (error) {
  process.stderr.write(`deploy: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
