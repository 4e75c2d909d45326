import { BedrockClient, GetFoundationModelAvailabilityCommand } from '@aws-sdk/client-bedrock';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { DescribeDBEngineVersionsCommand, RDSClient } from '@aws-sdk/client-rds';
import { S3Client } from '@aws-sdk/client-s3';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import type { DeployDeps } from '../../src/deploy/run-deploy';
import { fakeBuild } from './fake-build';

export const s3Mock = mockClient(S3Client);
export const lambdaMock = mockClient(LambdaClient);
export const rdsMock = mockClient(RDSClient);
export const bedrockMock = mockClient(BedrockClient);
export const secretsMock = mockClient(SecretsManagerClient);

export const APP_SECRET_ARN =
  'arn:aws:secretsmanager:us-east-1:123456789012:secret:alex-aurora-cluster-alex-app-20260101-AbCdEf';
export const MASTER_SECRET_ARN =
  'arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!cluster-abc-AbCdEf';

/** `terraform -chdir=terraform/database output -json` of an applied database module. */
const DATABASE_OUTPUTS = JSON.stringify({
  aurora_cluster_arn: { value: 'arn:aws:rds:us-east-1:123456789012:cluster:alex-aurora-cluster' },
  aurora_secret_arn: { value: MASTER_SECRET_ARN, sensitive: false },
  app_secret_arn: { value: APP_SECRET_ARN },
  app_username: { value: 'alex_app' },
  database_name: { value: 'alex' },
  aurora_cluster_endpoint: { value: 'alex-aurora-cluster.cluster-abc.us-east-1.rds.amazonaws.com' },
  aurora_cluster_port: { value: 5432 },
  engine_version_actual: { value: '16.10' },
});

/** A secret value the application user already has. */
export const STORED_APP_SECRET = JSON.stringify({
  engine: 'postgres',
  host: 'alex-aurora-cluster.cluster-abc.us-east-1.rds.amazonaws.com',
  port: 5432,
  dbname: 'alex',
  username: 'alex_app',
  password: 'A'.repeat(40),
  dbClusterIdentifier: 'alex-aurora-cluster',
});

/** Every mock answers as a healthy account whose cluster exists and whose app secret is filled. */
export function resetMocks() {
  for (const mock of [s3Mock, lambdaMock, rdsMock, bedrockMock, secretsMock]) mock.reset();
  rdsMock.on(DescribeDBEngineVersionsCommand).resolves({ DBEngineVersions: [{ EngineVersion: '16.10' }] });
  bedrockMock.on(GetFoundationModelAvailabilityCommand).resolves({
    authorizationStatus: 'AUTHORIZED',
    entitlementAvailability: 'AVAILABLE',
    regionAvailability: 'AVAILABLE',
  });
  secretsMock.on(GetSecretValueCommand).resolves({ SecretString: STORED_APP_SECRET });
}

/** Deploy dependencies over the mocks, a fake build and a recording master connection. */
export function harness(root: string) {
  const lines: string[] = [];
  const commands: string[][] = [];
  const events: string[] = [];
  const statements: string[] = [];
  const { build, built } = fakeBuild(root);
  let clientsBuilt = 0;
  const outputs = { database: DATABASE_OUTPUTS, bucket: 'bucket-from-terraform' };
  const deps: DeployDeps = {
    root,
    log: (line) => lines.push(line),
    build: async (lambdas) => {
      events.push('build');
      return build(lambdas);
    },
    readManifests: () => Promise.reject(new Error('not used')),
    readSettings: async () => ({
      engineVersion: '16.10',
      bedrockRegion: 'us-east-1',
      modelIds: ['us.amazon.nova-pro-v1:0'],
    }),
    clients: () => {
      clientsBuilt += 1;
      const region = 'us-east-1';
      return {
        s3: new S3Client({ region }),
        lambda: new LambdaClient({ region }),
        rds: new RDSClient({ region }),
        bedrock: new BedrockClient({ region }),
        secrets: new SecretsManagerClient({ region }),
      };
    },
    openAsMaster: async (opened) => {
      events.push(`open ${opened.masterSecretArn}`);
      return {
        migrate: async () => {
          events.push('migrate');
        },
        execute: async (statement) => {
          statements.push(statement);
        },
        close: async () => {
          events.push('close');
        },
      };
    },
    run: async (command, args) => {
      events.push(command);
      commands.push([command, ...args]);
    },
    capture: async (_command, args) => (args.includes('-json') ? outputs.database : outputs.bucket),
  };
  return { deps, lines, commands, events, statements, outputs, built, clientsBuilt: () => clientsBuilt };
}
