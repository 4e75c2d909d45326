import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  asObject,
  block,
  type HclObject,
  hcl,
  readTerraformModule,
  type TerraformModule,
  valueSource,
} from './terraform-module';

// Imported by path, not by name: @alex/release does not depend on @alex/api, and the checks below start
// as soon as the API's config.ts exists.
const apiConfigFile = fileURLToPath(new URL('../../../../packages/api/src/config.ts', import.meta.url));

/** Lambda sets AWS_REGION itself; a function may not set it. */
const SET_BY_LAMBDA = new Set(['AWS_REGION']);

let agents: TerraformModule;
beforeAll(async () => {
  agents = await readTerraformModule('agents');
});

/** The variables Terraform may give the API, before values that are not given are dropped. */
const terraformEnv = (): HclObject => asObject(agents.locals.api_env_given, 'local.api_env_given');

/** What Terraform sets for the test inputs of terraform/agents/tests (terraform.tfvars, api.tftest.hcl), key by key. */
const EXAMPLE_ENV: Record<string, string> = {
  DATABASE_CLUSTER_ARN: 'arn:aws:rds:us-east-1:123456789012:cluster:alex-aurora-cluster',
  DATABASE_SECRET_ARN:
    'arn:aws:secretsmanager:us-east-1:123456789012:secret:alex-aurora-cluster-alex-app-20260101-AbCdEf',
  DATABASE_NAME: 'alex',
  LOG_LEVEL: 'info',
  JOBS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/alex-analysis-jobs',
  CLERK_JWKS_URL: 'https://clerk.example.com/.well-known/jwks.json',
  CLERK_ISSUER: 'https://clerk.example.com',
  CLERK_AUDIENCE: 'alex-api',
  CLERK_AUTHORIZED_PARTIES: 'https://app.example.com,https://www.example.com',
  CORS_ORIGINS: 'https://app.example.com,http://localhost:3000',
  METRICS_NAMESPACE: 'AlexAgents',
};

describe('terraform/agents API Lambda environment (module)', () => {
  it('gives the API its own map, dropping values not given', () => {
    const fn = block(agents.resources, 'aws_lambda_function', 'api');
    const environment = asObject((fn.environment as HclObject[])[0], 'environment');
    expect(environment.variables).toBe(hcl('local.api_env'));
    expect(agents.locals.api_env).toContain('local.api_env_given');
    expect(agents.locals.api_env).toContain('if value != null');
    expect(Object.keys(terraformEnv()).sort()).toEqual(Object.keys(EXAMPLE_ENV).sort());
  });

  it("gives the API none of the agents' model or tracing settings", () => {
    for (const key of ['LLM_PROVIDER', 'BEDROCK_MODEL_ID', 'BEDROCK_REGION', 'LANGFUSE_SECRET_ARN']) {
      expect(Object.keys(terraformEnv())).not.toContain(key);
    }
  });
});

describe.runIf(existsSync(apiConfigFile))('terraform/agents API Lambda environment vs packages/api', () => {
  let schema: z.ZodObject;
  beforeAll(async () => {
    const module = (await import(/* @vite-ignore */ apiConfigFile)) as Record<string, unknown>;
    expect(module.ApiEnv, 'packages/api/src/config.ts exports ApiEnv').toBeInstanceOf(z.ZodObject);
    schema = module.ApiEnv as z.ZodObject;
  });

  it('sets only variables the API config reads', () => {
    const read = Object.keys(schema.shape);
    for (const key of Object.keys(terraformEnv())) expect(read, key).toContain(key);
  });

  it('leaves out only variables the API config defaults, makes optional, or Lambda sets', () => {
    const set = new Set(Object.keys(terraformEnv()));
    for (const [key, field] of Object.entries(schema.shape)) {
      if (set.has(key) || SET_BY_LAMBDA.has(key)) continue;
      expect((field as z.ZodType).safeParse(undefined).success, `${key} is never set by Terraform`).toBe(
        true,
      );
    }
  });

  it('may leave a variable unset only where the API config accepts it missing', () => {
    for (const [key, value] of Object.entries(terraformEnv())) {
      const source = valueSource(agents, value);
      const mayBeNull =
        (source.kind === 'variable' && source.hasDefault && source.default === null) ||
        (source.kind === 'expression' && /:\s*null\s*\}$/.test(source.source));
      if (mayBeNull) expect(schema.shape[key]?.safeParse(undefined).success, key).toBe(true);
    }
    const parties = valueSource(agents, terraformEnv().CLERK_AUTHORIZED_PARTIES);
    expect(parties.kind === 'expression' && parties.source.endsWith(': null}')).toBe(true);
  });

  it('accepts what Terraform sets, and its variable defaults', () => {
    expect(schema.safeParse({ AWS_REGION: 'us-east-1', ...EXAMPLE_ENV }).error).toBeUndefined();
    let checked = 0;
    for (const [key, value] of Object.entries(terraformEnv())) {
      const source = valueSource(agents, value);
      const given = source.kind === 'variable' ? source.default : undefined;
      if (given === undefined || given === null) continue;
      expect(schema.shape[key]?.safeParse(String(given)).success, `${key}=${String(given)}`).toBe(true);
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });
});
