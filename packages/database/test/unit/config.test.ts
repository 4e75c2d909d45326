import { describe, expect, it } from 'vitest';
import { databaseConfigFromEnv } from '../../src/config';
import { DatabaseConfigError } from '../../src/errors';

const DEFAULTS = { dataDir: '/home/alex/.alex/db' };
const CLUSTER_ARN = 'arn:aws:rds:eu-west-2:123456789012:cluster:alex-aurora';
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:alex-db-AbCdEf';

/** The error the environment is refused with (the test fails if it is accepted or refused otherwise). */
function configError(env: Record<string, string | undefined>): DatabaseConfigError {
  let refusal: unknown = 'accepted';
  try {
    databaseConfigFromEnv(env, DEFAULTS);
  } catch (error) {
    refusal = error;
  }
  expect(refusal).toBeInstanceOf(DatabaseConfigError);
  return refusal as DatabaseConfigError;
}

describe('databaseConfigFromEnv', () => {
  it('defaults to the embedded database in the default directory', () => {
    expect(databaseConfigFromEnv({}, DEFAULTS)).toEqual({ driver: 'pglite', dataDir: '/home/alex/.alex/db' });
    expect(databaseConfigFromEnv({}, { dataDir: null })).toEqual({ driver: 'pglite', dataDir: null });
  });

  it('uses ALEX_DATA_DIR over the default directory', () => {
    expect(databaseConfigFromEnv({ ALEX_DATA_DIR: '/tmp/alex-data' }, DEFAULTS)).toEqual({
      driver: 'pglite',
      dataDir: '/tmp/alex-data',
    });
  });

  it('chooses a PostgreSQL server when DATABASE_URL is set', () => {
    const url = 'postgres://alex:secret@127.0.0.1:5432/alex';
    expect(databaseConfigFromEnv({ DATABASE_URL: url, ALEX_DATA_DIR: '/ignored' }, DEFAULTS)).toEqual({
      driver: 'postgres',
      url,
    });
    expect(databaseConfigFromEnv({ DATABASE_URL: 'postgresql://localhost/alex' }, DEFAULTS)).toMatchObject({
      driver: 'postgres',
    });
  });

  it.each([
    {
      behaviour: 'chooses the Data API when a cluster ARN is set, with database alex and the ARN’s region',
      env: { DATABASE_URL: 'postgres://x/y' },
      chosen: { database: 'alex', region: 'eu-west-2' },
    },
    {
      behaviour: 'prefers AWS_REGION, DATABASE_NAME and RDS_DATA_ENDPOINT when they are set',
      env: { DATABASE_NAME: 'alex_dev', AWS_REGION: 'us-west-1', RDS_DATA_ENDPOINT: 'http://127.0.0.1:4567' },
      chosen: { database: 'alex_dev', region: 'us-west-1', endpoint: 'http://127.0.0.1:4567' },
    },
  ])('$behaviour', ({ env, chosen }) => {
    const arns = { DATABASE_CLUSTER_ARN: CLUSTER_ARN, DATABASE_SECRET_ARN: SECRET_ARN };
    expect(databaseConfigFromEnv({ ...arns, ...env }, DEFAULTS)).toEqual({
      driver: 'data-api',
      resourceArn: CLUSTER_ARN,
      secretArn: SECRET_ARN,
      ...chosen,
    });
  });

  it('names both missing ARNs and where they come from when ALEX_DB_DRIVER=data-api has neither', () => {
    const error = configError({ ALEX_DB_DRIVER: 'data-api' });
    expect(error.name).toBe('DatabaseConfigError');
    expect(error.message).toContain('DATABASE_CLUSTER_ARN is required');
    expect(error.message).toContain('DATABASE_SECRET_ARN is required');
    expect(error.message).toContain('terraform output aurora_cluster_arn');
  });

  it('names the one missing ARN when only the cluster is given', () => {
    const error = configError({ DATABASE_CLUSTER_ARN: CLUSTER_ARN });
    expect(error.message).toContain('DATABASE_SECRET_ARN');
    expect(error.message).not.toContain('DATABASE_CLUSTER_ARN');
  });

  it('requires DATABASE_URL when ALEX_DB_DRIVER=postgres', () => {
    expect(configError({ ALEX_DB_DRIVER: 'postgres' }).message).toContain('DATABASE_URL is required');
  });

  it('names DATABASE_URL when it is not a PostgreSQL URL', () => {
    expect(configError({ DATABASE_URL: 'not a url' }).message).toContain('DATABASE_URL');
    expect(configError({ DATABASE_URL: 'mysql://localhost/alex' }).message).toContain('DATABASE_URL');
  });

  it('names every invalid variable at once', () => {
    const error = configError({
      ALEX_DB_DRIVER: 'sqlite',
      DATABASE_CLUSTER_ARN: 'cluster-1',
      DATABASE_URL: 'nope',
    });
    for (const name of ['ALEX_DB_DRIVER', 'DATABASE_CLUSTER_ARN', 'DATABASE_URL'])
      expect(error.message).toContain(name);
  });
});
