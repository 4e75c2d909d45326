import { describe, expect, it } from 'vitest';
import { parseDeployConfig } from '../../src/deploy/deploy-config';

describe('parseDeployConfig', () => {
  it('defaults to the five agents and the API through terraform with the alex prefix', () => {
    const config = parseDeployConfig([], { AWS_REGION: 'eu-west-1', ALEX_CODE_BUCKET: 'alex-code' });
    expect(config).toMatchObject({
      lambdas: ['tagger', 'reporter', 'charter', 'retirement', 'planner', 'api'],
      mode: 'terraform',
      dryRun: false,
      bucket: 'alex-code',
      region: 'eu-west-1',
      functionPrefix: 'alex',
      terraformDir: 'terraform/agents',
    });
  });

  it('lets flags override the environment', () => {
    const config = parseDeployConfig(
      ['tagger', '--update-code', '--bucket', 'other-bucket', '--region', 'us-west-2', '--prefix', 'dev'],
      { AWS_REGION: 'eu-west-1', ALEX_CODE_BUCKET: 'alex-code', ALEX_FUNCTION_PREFIX: 'prod' },
    );
    expect(config).toMatchObject({
      lambdas: ['tagger'],
      mode: 'update-code',
      bucket: 'other-bucket',
      region: 'us-west-2',
      functionPrefix: 'dev',
    });
  });

  it('needs no region or bucket for a dry run', () => {
    expect(parseDeployConfig(['--dry-run'], {})).toMatchObject({ dryRun: true });
  });

  it('names the missing region and where it comes from', () => {
    expect(() => parseDeployConfig([], { AWS_REGION: '' })).toThrow(
      'invalid deploy configuration: region: required (set AWS_REGION or pass --region) (from --region or AWS_REGION)',
    );
  });

  it('rejects an unknown agent, a bad bucket name and an unknown flag', () => {
    expect(() => parseDeployConfig(['--dry-run', 'advisor'], {})).toThrow(
      /lambdas: .*\(from positional Lambda names \(tagger, reporter, charter, retirement, planner, api\)\)/,
    );
    expect(() => parseDeployConfig(['--dry-run', '--bucket', 'Bad_Bucket'], {})).toThrow(
      /bucket: must be an S3 bucket name/,
    );
    expect(() => parseDeployConfig(['--force'], {})).toThrow(/usage: pnpm run deploy/);
  });

  it('runs the preflight and the database step unless told not to', () => {
    expect(parseDeployConfig([], { AWS_REGION: 'us-east-1' })).toMatchObject({
      preflightOnly: false,
      skipPreflight: false,
      skipDatabase: false,
      rotateAppPassword: false,
    });
    expect(
      parseDeployConfig(['--skip-preflight', '--skip-database'], { AWS_REGION: 'us-east-1' }),
    ).toMatchObject({ skipPreflight: true, skipDatabase: true });
    expect(parseDeployConfig(['--preflight'], { AWS_REGION: 'us-east-1' })).toMatchObject({
      preflightOnly: true,
    });
  });

  it('rejects flags that contradict each other, and a preflight without a region', () => {
    expect(() => parseDeployConfig(['--preflight', '--skip-preflight'], { AWS_REGION: 'us-east-1' })).toThrow(
      /--preflight and --skip-preflight exclude each other/,
    );
    expect(() =>
      parseDeployConfig(['--rotate-app-password', '--skip-database'], { AWS_REGION: 'us-east-1' }),
    ).toThrow(/--rotate-app-password needs the database step/);
    expect(() => parseDeployConfig(['--preflight'], {})).toThrow(/region: required/);
  });
});
