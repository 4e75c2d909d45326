import { join, relative } from 'node:path';
import { lambdaTarget, lambdaZipPath } from '../build/lambdas';
import { artifactKey, type LambdaManifest } from '../build/manifest';
import type { DeployConfig } from './deploy-config';

/** One Lambda zip on disk and where it goes in the code bucket. */
export interface Artifact {
  name: string;
  file: string;
  bytes: number;
  sha256: string;
  key: string;
}

/** One step after the build: an upload, a Terraform apply, or a code update and its wait. */
export type DeployStep =
  | { kind: 'upload'; bucket: string; artifact: Artifact }
  | { kind: 'terraform-apply'; args: string[] }
  | { kind: 'update-code'; functionName: string; bucket: string; key: string }
  | { kind: 'wait-updated'; functionName: string };

/** The artifact of a built Lambda: its zip under `<workspace>/dist` and its content-addressed key. */
export function artifactOf(root: string, manifest: LambdaManifest): Artifact {
  return {
    name: manifest.name,
    file: join(lambdaTarget(root, manifest.name).outDir, manifest.zipFile),
    bytes: manifest.zipBytes,
    sha256: manifest.sha256,
    key: artifactKey(manifest),
  };
}

/**
 * The `lambda_artifacts` value for terraform/agents: the zip path and base64 hash per Lambda, plus the
 * uploaded key (`s3_key`), which Terraform ignores until its variable declares the attribute.
 */
function terraformArtifactsVar(artifacts: readonly Artifact[]): string {
  const value = Object.fromEntries(
    artifacts.map((a) => [
      a.name,
      { zip_path: lambdaZipPath(a.name), source_code_hash: a.sha256, s3_key: a.key },
    ]),
  );
  return `lambda_artifacts=${JSON.stringify(value)}`;
}

/** The arguments of the Terraform apply that points the functions at the new artifacts. */
function terraformApplyArgs(config: DeployConfig, artifacts: readonly Artifact[]): string[] {
  return [
    `-chdir=${config.terraformDir}`,
    'apply',
    '-input=false',
    ...(config.autoApprove ? ['-auto-approve'] : []),
    '-var',
    terraformArtifactsVar(artifacts),
  ];
}

/** The arguments that read the code bucket's name from Terraform's state. */
export function bucketOutputArgs(config: DeployConfig): string[] {
  return [`-chdir=${config.terraformDir}`, 'output', '-no-color', '-raw', 'code_bucket'];
}

/** The function name of a Lambda: `<prefix>-<name>` (`alex-planner`, `alex-api`), as Terraform names it. */
function functionNameOf(config: DeployConfig, name: string): string {
  return `${config.functionPrefix}-${name}`;
}

/** Every step after the build, in order: all uploads first, then apply or one update and wait per function. */
export function planDeploy(
  config: DeployConfig,
  bucket: string,
  artifacts: readonly Artifact[],
): DeployStep[] {
  const uploads: DeployStep[] = artifacts.map((artifact) => ({ kind: 'upload', bucket, artifact }));
  if (config.mode === 'terraform') {
    return [...uploads, { kind: 'terraform-apply', args: terraformApplyArgs(config, artifacts) }];
  }
  const updates = artifacts.flatMap((artifact): DeployStep[] => {
    const functionName = functionNameOf(config, artifact.name);
    return [
      { kind: 'update-code', functionName, bucket, key: artifact.key },
      { kind: 'wait-updated', functionName },
    ];
  });
  return [...uploads, ...updates];
}

/** One printable line per step: the command or the API call with its parameters. */
export function describeStep(step: DeployStep, root: string): string {
  switch (step.kind) {
    case 'upload': {
      const { artifact } = step;
      // relative() rather than slicing: workspaceRoot() ends with a separator, a test's temporary root does not.
      const body = `${relative(root, artifact.file).replaceAll('\\', '/')} (${artifact.bytes} bytes)`;
      return `s3:PutObject ${JSON.stringify({ Bucket: step.bucket, Key: artifact.key, Body: body, ChecksumSHA256: artifact.sha256 })}`;
    }
    case 'terraform-apply':
      return `terraform ${step.args.map(shellQuote).join(' ')}`;
    case 'update-code':
      return `lambda:UpdateFunctionCode ${JSON.stringify({ FunctionName: step.functionName, S3Bucket: step.bucket, S3Key: step.key })}`;
    case 'wait-updated':
      return `lambda:waitUntilFunctionUpdatedV2 ${JSON.stringify({ FunctionName: step.functionName })}`;
  }
}

/** A short name of a step for its one-line failure message. */
export function stepLabel(step: DeployStep): string {
  switch (step.kind) {
    case 'upload':
      return `upload of ${step.artifact.name} to s3://${step.bucket}/${step.artifact.key}`;
    case 'terraform-apply':
      return 'terraform apply';
    case 'update-code':
      return `UpdateFunctionCode ${step.functionName}`;
    case 'wait-updated':
      return `waiting for ${step.functionName} to update`;
  }
}

/** Quotes an argument for display so a printed command can be pasted into a POSIX shell. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
}
