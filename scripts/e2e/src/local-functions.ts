import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentName } from '@alex/contracts';
import type { LocalFunctionConfig } from '@alex/local-lambda';
import type { AgentBundles } from './ensure-bundles';
import type { BreakableAgent } from './job-expectation';

/** The deployed function names (terraform's `${name_prefix}-${agent}` with the default prefix). */
export const FUNCTION_NAMES: Record<AgentName, string> = {
  planner: 'alex-planner',
  tagger: 'alex-tagger',
  reporter: 'alex-reporter',
  charter: 'alex-charter',
  retirement: 'alex-retirement',
};

// Shorter than AWS (900 s / 300 s) so a hung local run ends sooner; the planner's invoke client waits 10 s
// longer than a specialist may run, as terraform sets it.
/** The planner's timeout locally; the event source mapping uses it too. */
export const PLANNER_TIMEOUT_SECONDS = 180;
const SPECIALIST_TIMEOUT_SECONDS = 60;

/** Where the local services are, for the functions' AWS SDK clients. */
export interface LocalServices {
  dataApi: { endpoint: string; resourceArn: string; secretArn: string; database: string };
  sqsEndpoint: string;
  /** The jobs queue, where the planner's sweep re-sends abandoned jobs (terraform's JOBS_QUEUE_URL). */
  jobsQueueUrl?: string;
}

/** Writes a bundle whose handler always throws, standing in for a broken deployment of `agent`. */
export function writeBrokenBundle(dir: string, agent: BreakableAgent): string {
  const file = join(dir, `broken-${agent}.mjs`);
  const message = `${agent} bundle broken on purpose (failure drill)`;
  writeFileSync(
    file,
    `export const handler = async () => {\n  throw new Error(${JSON.stringify(message)});\n};\n`,
  );
  return file;
}

/**
 * The five agent functions over their built bundles, with the environment terraform gives them, except that
 * every SDK client is pointed at a local service through `AWS_ENDPOINT_URL_<SERVICE>` and the model is offline.
 */
export function localFunctions(
  bundles: AgentBundles,
  services: LocalServices,
): Record<string, LocalFunctionConfig> {
  const common = (lambdaEndpoint: string): Record<string, string> => ({
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    // Any client without its own entry below (SageMaker, S3 Vectors, Secrets Manager, Bedrock) reaches the
    // Lambda endpoint, which refuses unknown operations at once: nothing ever leaves the machine.
    AWS_ENDPOINT_URL: lambdaEndpoint,
    AWS_ENDPOINT_URL_LAMBDA: lambdaEndpoint,
    AWS_ENDPOINT_URL_RDS_DATA: services.dataApi.endpoint,
    AWS_ENDPOINT_URL_SQS: services.sqsEndpoint,
    DATABASE_CLUSTER_ARN: services.dataApi.resourceArn,
    DATABASE_SECRET_ARN: services.dataApi.secretArn,
    DATABASE_NAME: services.dataApi.database,
    LLM_PROVIDER: 'offline',
    LOG_LEVEL: 'info',
  });
  const own: Record<AgentName, Record<string, string>> = {
    planner: {
      TAGGER_FUNCTION: FUNCTION_NAMES.tagger,
      REPORTER_FUNCTION: FUNCTION_NAMES.reporter,
      CHARTER_FUNCTION: FUNCTION_NAMES.charter,
      RETIREMENT_FUNCTION: FUNCTION_NAMES.retirement,
      INVOKE_TIMEOUT_MS: String((SPECIALIST_TIMEOUT_SECONDS + 10) * 1000),
      JOB_LEASE_SECONDS: '120',
      ...(services.jobsQueueUrl ? { JOBS_QUEUE_URL: services.jobsQueueUrl } : {}),
    },
    tagger: {},
    // No vector index locally: the reporter's knowledge lookup fails soft and it writes without insights.
    reporter: { VECTOR_BUCKET: 'alex-local-vectors' },
    charter: {},
    retirement: {},
  };
  return Object.fromEntries(
    (Object.keys(FUNCTION_NAMES) as AgentName[]).map((agent) => [
      FUNCTION_NAMES[agent],
      {
        bundle: bundles[agent],
        env: (lambdaEndpoint: string) => ({ ...common(lambdaEndpoint), ...own[agent] }),
        timeoutSeconds: agent === 'planner' ? PLANNER_TIMEOUT_SECONDS : SPECIALIST_TIMEOUT_SECONDS,
        memoryMb: agent === 'planner' ? 2048 : 1024,
      } satisfies LocalFunctionConfig,
    ]),
  );
}
