import { GetFoundationModelAvailabilityCommand } from '@aws-sdk/client-bedrock';
import { GetFunctionCommand, UpdateFunctionCodeCommand } from '@aws-sdk/client-lambda';
import { DescribeDBEngineVersionsCommand } from '@aws-sdk/client-rds';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { GetSecretValueCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseDeployConfig } from '../../src/deploy/deploy-config';
import { runDeploy } from '../../src/deploy/run-deploy';
import { useTempDir } from '../support/temp-dir';
import {
  APP_SECRET_ARN,
  bedrockMock,
  harness as deployHarness,
  lambdaMock,
  MASTER_SECRET_ARN,
  rdsMock,
  resetMocks,
  STORED_APP_SECRET,
  s3Mock,
  secretsMock,
} from './deploy-harness';

const root = useTempDir('alex-deploy-db-');
const harness = () => deployHarness(root);
const ENV = { AWS_REGION: 'us-east-1' };

beforeEach(() => {
  resetMocks();
  s3Mock.on(PutObjectCommand).resolves({});
});

describe('runDeploy: preflight, migrations and the application role', () => {
  it('checks, builds, migrates with the master secret and grants the role before any upload or apply', async () => {
    const h = harness();
    s3Mock.on(PutObjectCommand).callsFake(() => {
      h.events.push('upload');
      return {};
    });
    await runDeploy(parseDeployConfig(['--yes', 'tagger'], ENV), h.deps);

    expect(h.events).toEqual([
      'build',
      `open ${MASTER_SECRET_ARN}`,
      'migrate',
      'close',
      'upload',
      'terraform',
    ]);
    // The cluster exists (terraform/database outputs), so only the model is checked.
    expect(rdsMock.calls()).toHaveLength(0);
    expect(bedrockMock.commandCalls(GetFoundationModelAvailabilityCommand)).toHaveLength(1);
    expect(h.statements).toHaveLength(8);
    expect(h.statements[0]).toContain('CREATE ROLE "alex_app" WITH LOGIN');
    expect(h.statements.join('\n')).not.toContain(JSON.parse(STORED_APP_SECRET).password);
    expect(secretsMock.commandCalls(PutSecretValueCommand)).toHaveLength(0);
    expect(h.lines).toContain(`> app secret ${APP_SECRET_ARN}: password kept`);
  });

  it('fills an empty app secret on a first deploy and gives the role that password', async () => {
    secretsMock
      .on(GetSecretValueCommand)
      .rejects(Object.assign(new Error('no AWSCURRENT'), { name: 'ResourceNotFoundException' }));
    secretsMock.on(PutSecretValueCommand).resolves({});
    const h = harness();
    lambdaMock.on(UpdateFunctionCodeCommand).resolves({});
    lambdaMock.on(GetFunctionCommand).resolves({ Configuration: { LastUpdateStatus: 'Successful' } });
    await runDeploy(parseDeployConfig(['--update-code', 'api', '--skip-preflight'], ENV), h.deps);
    expect(h.events).toEqual(['build', `open ${MASTER_SECRET_ARN}`, 'migrate', 'close']);
    const put = secretsMock.commandCalls(PutSecretValueCommand)[0]?.args[0].input;
    expect(put?.SecretId).toBe(APP_SECRET_ARN);
    const stored = JSON.parse(put?.SecretString ?? '{}');
    expect(stored).toMatchObject({ username: 'alex_app', dbname: 'alex', port: 5432, engine: 'postgres' });
    expect(h.statements[0]).toMatch(/PASSWORD 'SCRAM-SHA-256\$4096:/);
    expect(h.statements[0]).not.toContain(stored.password);
    expect(bedrockMock.calls()).toHaveLength(0);
  });

  it('stops before building when a model is not accessible, with the reason on one line', async () => {
    bedrockMock.on(GetFoundationModelAvailabilityCommand).resolves({
      authorizationStatus: 'AUTHORIZED',
      entitlementAvailability: 'NOT_AVAILABLE',
      regionAvailability: 'AVAILABLE',
    });
    const h = harness();
    await expect(runDeploy(parseDeployConfig([], ENV), h.deps)).rejects.toThrow(
      /^preflight failed: Bedrock model us\.amazon\.nova-pro-v1:0 \(amazon\.nova-pro-v1:0\) has no model access/,
    );
    expect(h.events).toEqual([]);
  });

  it('--preflight checks the engine version of a cluster not created yet, and does nothing else', async () => {
    rdsMock.on(DescribeDBEngineVersionsCommand).resolves({ DBEngineVersions: [{ EngineVersion: '16.11' }] });
    const h = harness();
    h.outputs.database = '{}';
    await expect(runDeploy(parseDeployConfig(['--preflight'], ENV), h.deps)).rejects.toThrow(
      /Aurora PostgreSQL 16\.10 is not offered for new clusters in us-east-1; the newest 16\.x offered is 16\.11/,
    );
    expect(h.events).toEqual([]);

    rdsMock.on(DescribeDBEngineVersionsCommand).resolves({ DBEngineVersions: [{ EngineVersion: '16.10' }] });
    const ok = harness();
    ok.outputs.database = '{}';
    await runDeploy(parseDeployConfig(['--preflight'], ENV), ok.deps);
    expect(ok.lines.at(-1)).toBe('preflight passed');
    expect(ok.events).toEqual([]);
  });

  it('--database-only migrates and grants the role without building, uploading or applying', async () => {
    const h = harness();
    await runDeploy(parseDeployConfig(['--database-only'], ENV), h.deps);
    expect(h.events).toEqual([`open ${MASTER_SECRET_ARN}`, 'migrate', 'close']);
    expect(h.statements).toHaveLength(8);
    expect(h.lines.at(-1)).toBe('database migrated and role granted');
    expect(() => parseDeployConfig(['--database-only', '--skip-database'], ENV)).toThrow(/--database-only/);
  });

  it('refuses to migrate before terraform/database is applied, and uploads nothing', async () => {
    const h = harness();
    h.outputs.database = '{}';
    await expect(runDeploy(parseDeployConfig(['tagger'], ENV), h.deps)).rejects.toThrow(
      /terraform\/database has no outputs: apply it first .* or deploy with --skip-database$/,
    );
    expect(s3Mock.calls()).toHaveLength(0);
    expect(h.commands).toEqual([]);
  });

  it('names the outputs an older terraform/database state lacks', async () => {
    const h = harness();
    const outputs = JSON.parse(h.outputs.database);
    delete outputs.app_secret_arn;
    h.outputs.database = JSON.stringify(outputs);
    await expect(runDeploy(parseDeployConfig(['tagger'], ENV), h.deps)).rejects.toThrow(
      'terraform/database outputs are missing or invalid (app_secret_arn): apply terraform/database first',
    );
  });

  it('--skip-database and --skip-preflight leave the database and the checks alone', async () => {
    const h = harness();
    await runDeploy(parseDeployConfig(['tagger', '--skip-database', '--skip-preflight'], ENV), h.deps);
    expect(h.events).toEqual(['build', 'terraform']);
    expect(secretsMock.calls()).toHaveLength(0);
    expect(bedrockMock.calls()).toHaveLength(0);
  });

  it('prints the checks and the database steps in a dry run, calling nothing', async () => {
    const h = harness();
    await runDeploy(parseDeployConfig(['--dry-run', '--rotate-app-password', 'tagger'], {}), h.deps);
    expect(h.clientsBuilt()).toBe(0);
    expect(h.events).toEqual(['build']);
    const text = h.lines.join('\n');
    expect(text).toContain('[dry-run] terraform -chdir=terraform/database output -no-color -json');
    expect(text).toContain('bedrock:GetFoundationModelAvailability us.amazon.nova-pro-v1:0 in us-east-1');
    expect(text).toContain('[dry-run] migrate over the Data API with the master secret');
    expect(text).toContain('fill the app secret (output app_secret_arn) with a new password');
  });
});
