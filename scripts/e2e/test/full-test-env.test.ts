import { describe, expect, it } from 'vitest';
import { parseFullTestEnv } from '../src/full-test-env';

/** A complete environment for a deployed stack reached without the HTTP API. */
const ENV = {
  AWS_REGION: 'us-east-1',
  ALEX_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/alex-analysis-jobs',
  DATABASE_CLUSTER_ARN: 'arn:aws:rds:us-east-1:123456789012:cluster:alex',
  DATABASE_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:alex',
};

describe('parseFullTestEnv', () => {
  it('names every missing variable with the terraform output it comes from', () => {
    const parsed = parseFullTestEnv({ AWS_REGION: 'eu-west-1', ALEX_QUEUE_URL: '' });
    expect(parsed.ok).toBe(false);
    const error = parsed.ok ? '' : parsed.error;
    expect(error).toContain('ALEX_QUEUE_URL is not set; from terraform output jobs_queue_url');
    expect(error).toContain('DATABASE_CLUSTER_ARN is not set; from terraform output aurora_cluster_arn');
    expect(error).toContain('DATABASE_SECRET_ARN is not set; from terraform output app_secret_arn');
    expect(error).not.toContain('AWS_REGION');
  });

  it('says which value is invalid and defaults the database name to alex', () => {
    expect(parseFullTestEnv(ENV)).toMatchObject({ ok: true, value: { DATABASE_NAME: 'alex' } });
    const bad = parseFullTestEnv({ ...ENV, DATABASE_CLUSTER_ARN: 'alex' });
    expect(bad.ok ? '' : bad.error).toContain(
      'DATABASE_CLUSTER_ARN is invalid: must be an Aurora cluster ARN',
    );
  });

  it('takes the API path only with both ALEX_API_URL and ALEX_API_TOKEN', () => {
    const api = 'https://abc123.execute-api.us-east-1.amazonaws.com';
    expect(parseFullTestEnv({ ...ENV, ALEX_API_URL: api, ALEX_API_TOKEN: 'jwt' })).toMatchObject({
      ok: true,
      value: { ALEX_API_URL: api, ALEX_API_TOKEN: 'jwt' },
    });
    const urlOnly = parseFullTestEnv({ ...ENV, ALEX_API_URL: api, ALEX_API_TOKEN: '' });
    expect(urlOnly.ok ? '' : urlOnly.error).toContain('ALEX_API_TOKEN is not set but ALEX_API_URL is');
    const tokenOnly = parseFullTestEnv({ ...ENV, ALEX_API_TOKEN: 'jwt' });
    expect(tokenOnly.ok ? '' : tokenOnly.error).toContain(
      'ALEX_API_URL is not set but ALEX_API_TOKEN is; from terraform output api_url',
    );
  });
});
