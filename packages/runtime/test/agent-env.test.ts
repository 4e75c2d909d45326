import { describe, expect, it } from 'vitest';
import { COMMON_ENV_SOURCES, CommonAgentEnv, parseConfig } from '../src';

const CLUSTER_ARN = 'arn:aws:rds:us-east-1:123456789012:cluster:alex-aurora';
const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:alex-aurora-AbCdEf';

const parse = (env: Record<string, string | undefined>) =>
  parseConfig(CommonAgentEnv, env, COMMON_ENV_SOURCES);

describe('CommonAgentEnv', () => {
  it('needs only the two database ARNs; everything else has its Lambda default', () => {
    expect(parse({ DATABASE_CLUSTER_ARN: CLUSTER_ARN, DATABASE_SECRET_ARN: SECRET_ARN })).toEqual({
      DATABASE_CLUSTER_ARN: CLUSTER_ARN,
      DATABASE_SECRET_ARN: SECRET_ARN,
      DATABASE_NAME: 'alex',
      LLM_PROVIDER: 'bedrock',
      BEDROCK_MODEL_ID: 'us.amazon.nova-pro-v1:0',
      BEDROCK_REGION: 'us-east-1',
      LOG_LEVEL: 'info',
      LOG_DEBUG_SAMPLE_RATE: 0,
      METRICS_NAMESPACE: 'AlexAgents',
      LANGFUSE_EXPORT_CONTENT: 'false',
    });
  });

  it('reads the debug sample rate as a fraction and refuses a namespace CloudWatch would not take', () => {
    const arns = { DATABASE_CLUSTER_ARN: CLUSTER_ARN, DATABASE_SECRET_ARN: SECRET_ARN };
    expect(parse({ ...arns, LOG_DEBUG_SAMPLE_RATE: '0.05' }).LOG_DEBUG_SAMPLE_RATE).toBe(0.05);
    expect(() => parse({ ...arns, LOG_DEBUG_SAMPLE_RATE: '5' })).toThrow(/LOG_DEBUG_SAMPLE_RATE/);
    expect(() => parse({ ...arns, METRICS_NAMESPACE: 'Alex Agents' })).toThrow(/METRICS_NAMESPACE/);
  });

  it('names both missing database ARNs and the Terraform outputs that provide them', () => {
    expect(() => parse({})).toThrow(
      /^Invalid configuration: DATABASE_CLUSTER_ARN: .+ \(set by terraform output aurora_cluster_arn\); DATABASE_SECRET_ARN: .+ \(set by terraform output app_secret_arn \(terraform\/database\)\)$/,
    );
  });

  it('rejects a secret ARN given as the cluster ARN, and the reverse', () => {
    expect(() => parse({ DATABASE_CLUSTER_ARN: SECRET_ARN, DATABASE_SECRET_ARN: CLUSTER_ARN })).toThrow(
      /DATABASE_CLUSTER_ARN: must be an Aurora cluster ARN .*; DATABASE_SECRET_ARN: must be a Secrets Manager ARN/,
    );
  });

  it('accepts ARNs of the China and GovCloud partitions', () => {
    const env = parse({
      DATABASE_CLUSTER_ARN: 'arn:aws-cn:rds:cn-north-1:123456789012:cluster:alex-aurora',
      DATABASE_SECRET_ARN: 'arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:alex',
    });

    expect(env.DATABASE_CLUSTER_ARN).toMatch(/^arn:aws-cn:/);
  });

  it('accepts only the three model providers and the four log levels', () => {
    const base = { DATABASE_CLUSTER_ARN: CLUSTER_ARN, DATABASE_SECRET_ARN: SECRET_ARN };

    for (const provider of ['bedrock', 'openai-compatible', 'offline']) {
      expect(parse({ ...base, LLM_PROVIDER: provider }).LLM_PROVIDER).toBe(provider);
    }
    expect(parse({ ...base, LOG_LEVEL: 'debug' }).LOG_LEVEL).toBe('debug');
    expect(() => parse({ ...base, LLM_PROVIDER: 'openai', LOG_LEVEL: 'trace' })).toThrow(
      /^Invalid configuration: LLM_PROVIDER: .+; LOG_LEVEL: .+$/,
    );
  });

  it('keeps the optional Langfuse settings and checks the secret ARN and host', () => {
    const base = { DATABASE_CLUSTER_ARN: CLUSTER_ARN, DATABASE_SECRET_ARN: SECRET_ARN };
    const langfuse = {
      LANGFUSE_PUBLIC_KEY: 'pk-lf-1234',
      LANGFUSE_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:langfuse',
      LANGFUSE_HOST: 'https://cloud.langfuse.com',
    };

    expect(parse({ ...base, ...langfuse })).toMatchObject(langfuse);
    expect(() =>
      parse({ ...base, LANGFUSE_SECRET_ARN: 'langfuse-secret', LANGFUSE_HOST: 'langfuse' }),
    ).toThrow(
      /LANGFUSE_SECRET_ARN: .+ \(set by terraform variable langfuse\.secret_arn\); LANGFUSE_HOST: .+ \(set by terraform variable langfuse\.host\)$/,
    );
  });

  it('keeps each agent’s optional Bedrock model id and names a bad one with its Terraform source', () => {
    const base = { DATABASE_CLUSTER_ARN: CLUSTER_ARN, DATABASE_SECRET_ARN: SECRET_ARN };

    const env = parse({
      ...base,
      PLANNER_BEDROCK_MODEL_ID: 'us.amazon.nova-micro-v1:0',
      TAGGER_BEDROCK_MODEL_ID: '',
    });

    expect(env.PLANNER_BEDROCK_MODEL_ID).toBe('us.amazon.nova-micro-v1:0');
    expect(env).not.toHaveProperty('TAGGER_BEDROCK_MODEL_ID');
    expect(() => parse({ ...base, RETIREMENT_BEDROCK_MODEL_ID: 'nova pro' })).toThrow(
      /^Invalid configuration: RETIREMENT_BEDROCK_MODEL_ID: must be a model id without spaces \(set by terraform variable agent_models\.retirement\)$/,
    );
  });

  it('gives a source for every required variable and only for variables it defines', () => {
    const variables = Object.keys(CommonAgentEnv.shape);

    expect(Object.keys(COMMON_ENV_SOURCES).filter((name) => !variables.includes(name))).toEqual([]);
    expect(COMMON_ENV_SOURCES).toHaveProperty('DATABASE_CLUSTER_ARN');
    expect(COMMON_ENV_SOURCES).toHaveProperty('DATABASE_SECRET_ARN');
  });
});
