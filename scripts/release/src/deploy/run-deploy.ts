import { errorMessage } from '@alex/errors';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { S3Client } from '@aws-sdk/client-s3';
import { lambdaWorkspace } from '../build/lambdas';
import type { LambdaManifest } from '../build/manifest';
import { DeployError } from '../errors';
import { updateFunctionCode, uploadArtifact, waitForFunctionUpdated } from './aws-steps';
import { BucketName, type DeployConfig } from './deploy-config';
import {
  artifactOf,
  bucketOutputArgs,
  type DeployStep,
  describeStep,
  planDeploy,
  shellQuote,
  stepLabel,
} from './deploy-plan';
import {
  databaseStep,
  type PreDeployClients,
  type PreDeployDeps,
  preflightStep,
  readDatabaseOutputs,
} from './pre-deploy';

/** The SDK clients a real deploy calls; built only when it is not a dry run. */
interface DeployClients extends PreDeployClients {
  s3: S3Client;
  lambda: LambdaClient;
}

/** Everything a deploy touches outside its own logic, so tests can replace each part. */
export interface DeployDeps extends PreDeployDeps {
  root: string;
  log: (line: string) => void;
  /** Builds, guards and zips the Lambdas (the `pnpm build` pipeline), returning their manifests. */
  build: (lambdas: readonly string[]) => Promise<LambdaManifest[]>;
  /** Reads the manifests of a previous build (`--skip-build`). */
  readManifests: (lambdas: readonly string[]) => Promise<LambdaManifest[]>;
  /** The SDK clients; Bedrock's in the region the agents call it in. */
  clients: (bedrockRegion: string) => DeployClients;
  /** Runs a command with inherited stdio; rejects on a non-zero exit. */
  run: (command: string, args: readonly string[]) => Promise<void>;
}

/** The bucket shown in a dry run when neither --bucket nor ALEX_CODE_BUCKET is set. */
const BUCKET_PLACEHOLDER = '<terraform output code_bucket>';

async function attempt<T>(label: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new DeployError(`${label} failed: ${errorMessage(error)}`, { cause: error });
  }
}

async function executeStep(step: DeployStep, clients: DeployClients, deps: DeployDeps): Promise<void> {
  switch (step.kind) {
    case 'upload':
      return uploadArtifact(clients.s3, step.bucket, step.artifact);
    case 'terraform-apply':
      return deps.run('terraform', step.args);
    case 'update-code':
      await updateFunctionCode(clients.lambda, step.functionName, step.bucket, step.key);
      return;
    case 'wait-updated':
      return waitForFunctionUpdated(clients.lambda, step.functionName);
  }
}

async function resolveBucket(config: DeployConfig, deps: DeployDeps, say: (line: string) => void) {
  if (config.bucket) return config.bucket;
  const args = bucketOutputArgs(config);
  say(`terraform ${args.map(shellQuote).join(' ')}`);
  if (config.dryRun) return BUCKET_PLACEHOLDER;
  const output = await attempt('reading the code bucket from terraform', () =>
    deps.capture('terraform', args),
  );
  const bucket = BucketName.safeParse(output);
  if (!bucket.success) {
    // With no state, `terraform output` exits 0 and prints a warning instead of a name.
    throw new DeployError(
      `terraform output code_bucket gave no bucket name: set ALEX_CODE_BUCKET, or create the bucket first ` +
        `with terraform -chdir=${config.terraformDir} apply -target=aws_s3_bucket.code`,
    );
  }
  return bucket.data;
}

/** Builds the Lambdas, or reads a previous build's manifests (`--skip-build`). */
function buildOrRead(config: DeployConfig, deps: DeployDeps, say: (line: string) => void) {
  if (config.skipBuild) {
    const files = config.lambdas.map((name) => `${lambdaWorkspace(name)}/dist/manifest.json`);
    say(`read ${files.join(' ')} (--skip-build)`);
    return attempt('reading the build manifests', () => deps.readManifests(config.lambdas));
  }
  // The build is local and needs no credentials, so a dry run builds too: keys and hashes are real.
  say(`pnpm build ${config.lambdas.join(' ')}`);
  return attempt('build', () => deps.build(config.lambdas));
}

/**
 * Checks, builds, migrates, uploads and rolls out the Lambdas as configured: preflight (engine version and
 * Bedrock model access), build, migrations and the application role, uploads, then terraform apply or code
 * updates. A dry run prints every step and calls nothing remote; --preflight stops after the checks and
 * --database-only after the database step.
 */
export async function runDeploy(config: DeployConfig, deps: DeployDeps): Promise<void> {
  const say = (line: string) => deps.log(config.dryRun ? `[dry-run] ${line}` : `> ${line}`);
  const settings = await attempt('reading the Terraform variables', () => deps.readSettings());
  const clients = config.dryRun ? undefined : deps.clients(settings.bedrockRegion);
  const needsDatabase = !config.skipPreflight || !config.skipDatabase;
  const database = needsDatabase ? await readDatabaseOutputs(config, deps, say) : undefined;
  if (!config.skipPreflight) await preflightStep(config, settings, database, clients, say);
  if (config.preflightOnly) {
    deps.log(config.dryRun ? '[dry-run] preflight only; nothing was called' : 'preflight passed');
    return;
  }
  if (config.databaseOnly) {
    await attempt('database step', () => databaseStep(config, database, clients, deps, say));
    deps.log(
      config.dryRun
        ? '[dry-run] database step only; nothing was called'
        : 'database migrated and role granted',
    );
    return;
  }
  const manifests = await buildOrRead(config, deps, say);
  const artifacts = manifests.map((manifest) => artifactOf(deps.root, manifest));
  const bucket = await resolveBucket(config, deps, say);
  if (!config.skipDatabase) {
    await attempt('database step', () => databaseStep(config, database, clients, deps, say));
  }
  const steps = planDeploy(config, bucket, artifacts);
  for (const step of steps) {
    const line = describeStep(step, deps.root);
    say(line);
    if (clients) await attempt(stepLabel(step), () => executeStep(step, clients, deps));
  }
  deps.log(
    config.dryRun
      ? `[dry-run] ${steps.length} steps after the build; nothing was uploaded or changed`
      : `deployed ${config.lambdas.length} Lambdas (${config.mode})`,
  );
}
