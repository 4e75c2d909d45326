import { errorMessage } from '@alex/errors';
import {
  type BedrockClient,
  GetFoundationModelAvailabilityCommand,
  type GetFoundationModelAvailabilityCommandOutput,
} from '@aws-sdk/client-bedrock';
import { paginateDescribeDBEngineVersions, type RDSClient } from '@aws-sdk/client-rds';
import { DeployError } from '../errors';

/** One check's outcome: a one-line message either way. */
export interface CheckResult {
  ok: boolean;
  message: string;
}

/** What the preflight checks before anything is applied. */
export interface PreflightInput {
  /** The region of the cluster and the Lambdas. */
  region: string;
  /** The engine version a new cluster would get; undefined when the cluster already exists. */
  engineVersion: string | undefined;
  bedrockRegion: string;
  modelIds: readonly string[];
}

/** The read-only clients the preflight calls. */
export interface PreflightClients {
  rds: RDSClient;
  bedrock: BedrockClient;
}

/** Compares dotted version numbers numerically (16.10 is newer than 16.9). */
function compareVersions(a: string, b: string): number {
  const [pa, pb] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * Whether the region offers `version` of Aurora PostgreSQL for new clusters with Aurora Serverless v2 (the stack's
 * instance class); names the newest of its major that does if not. Serverless v2 support is judged by the
 * `ServerlessV2FeaturesSupport` RDS lists per version, and only when RDS lists it for some version at all.
 */
export async function checkEngineVersion(
  rds: RDSClient,
  version: string,
  region: string,
): Promise<CheckResult> {
  const offered = new Map<string, boolean>();
  // Without IncludeAll, RDS lists only the versions a new cluster can be created with.
  for await (const page of paginateDescribeDBEngineVersions(
    { client: rds },
    { Engine: 'aurora-postgresql' },
  )) {
    for (const entry of page.DBEngineVersions ?? [])
      if (entry.EngineVersion)
        offered.set(entry.EngineVersion, entry.ServerlessV2FeaturesSupport !== undefined);
  }
  const listsServerless = [...offered.values()].some(Boolean);
  const usable = (v: string) => offered.has(v) && (!listsServerless || offered.get(v) === true);
  if (usable(version)) {
    return { ok: true, message: `Aurora PostgreSQL ${version} is offered for new clusters in ${region}` };
  }
  const major = version.split('.')[0];
  const newest = [...offered.keys()]
    .filter((v) => v.split('.')[0] === major && usable(v))
    .sort(compareVersions)
    .at(-1);
  const advice = newest
    ? `the newest ${major}.x offered is ${newest}: set engine_version = "${newest}" in terraform/database/terraform.tfvars`
    : `no ${major}.x version is offered there`;
  const why = offered.has(version)
    ? `is offered in ${region} but not with Aurora Serverless v2`
    : `is not offered for new clusters in ${region}`;
  return { ok: false, message: `Aurora PostgreSQL ${version} ${why}; ${advice}` };
}

/** The foundation model behind a cross-region inference profile id (`us.amazon.nova-pro-v1:0`). */
export function foundationModelOf(modelId: string): string {
  return modelId.replace(/^(us|eu|apac|us-gov|jp|au|ca|global)\./, '');
}

function availabilityProblem(
  out: GetFoundationModelAvailabilityCommandOutput,
  region: string,
): string | undefined {
  if (out.regionAvailability === 'NOT_AVAILABLE') return `is not offered by Bedrock in ${region}`;
  if (out.authorizationStatus === 'NOT_AUTHORIZED') {
    return 'is not authorized for this account or identity (an IAM or organization policy denies it)';
  }
  if (out.entitlementAvailability === 'NOT_AVAILABLE') {
    return `has no model access: grant it in the Bedrock console (Model access) in ${region}`;
  }
  // First-party models carry no agreement; a marketplace model's must be accepted, not pending or failed.
  const agreement = out.agreementAvailability;
  if (agreement?.status === 'PENDING') return 'has its model agreement still pending: retry in a few minutes';
  if (agreement?.status === 'ERROR')
    return `has a failed model agreement: ${agreement.errorMessage ?? 'no reason given'}`;
  return undefined;
}

/** Whether the account may call `modelId` in Bedrock (GetFoundationModelAvailability, read-only). */
export async function checkModelAccess(
  bedrock: BedrockClient,
  modelId: string,
  region: string,
): Promise<CheckResult> {
  const foundation = foundationModelOf(modelId);
  const label = foundation === modelId ? modelId : `${modelId} (${foundation})`;
  try {
    const out = await bedrock.send(new GetFoundationModelAvailabilityCommand({ modelId: foundation }));
    const problem = availabilityProblem(out, region);
    if (problem) return { ok: false, message: `Bedrock model ${label} ${problem}` };
    return { ok: true, message: `Bedrock model ${label} is available to this account in ${region}` };
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'AccessDeniedException') {
      return {
        ok: false,
        message: `cannot check Bedrock model ${label}: access denied to bedrock:GetFoundationModelAvailability (allow it, or deploy with --skip-preflight)`,
      };
    }
    if (name === 'ResourceNotFoundException' || name === 'ValidationException') {
      return { ok: false, message: `Bedrock model ${label} is not a model id Bedrock knows in ${region}` };
    }
    return { ok: false, message: `cannot check Bedrock model ${label}: ${errorMessage(error)}` };
  }
}

/** Runs every check, logs one line each, and throws naming every failure when any fails. */
export async function runPreflight(
  input: PreflightInput,
  clients: PreflightClients,
  log: (line: string) => void,
): Promise<void> {
  const results: CheckResult[] = [];
  if (input.engineVersion === undefined) {
    log('preflight: the Aurora cluster exists (terraform/database outputs): engine version not checked');
  } else {
    const version = input.engineVersion;
    results.push(
      await checkEngineVersion(clients.rds, version, input.region).catch((error: unknown) => ({
        ok: false,
        message: `cannot check Aurora PostgreSQL ${version} in ${input.region}: ${errorMessage(error)}`,
      })),
    );
  }
  for (const modelId of input.modelIds) {
    results.push(await checkModelAccess(clients.bedrock, modelId, input.bedrockRegion));
  }
  for (const result of results) log(`preflight: ${result.ok ? 'ok' : 'FAILED'}: ${result.message}`);
  const failures = results.filter((result) => !result.ok);
  if (failures.length > 0) {
    throw new DeployError(`preflight failed: ${failures.map((failure) => failure.message).join('; ')}`);
  }
}
