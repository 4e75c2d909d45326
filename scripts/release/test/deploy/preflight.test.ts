import { BedrockClient, GetFoundationModelAvailabilityCommand } from '@aws-sdk/client-bedrock';
import { DescribeDBEngineVersionsCommand, RDSClient } from '@aws-sdk/client-rds';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  checkEngineVersion,
  checkModelAccess,
  foundationModelOf,
  runPreflight,
} from '../../src/deploy/preflight';
import { DeployError } from '../../src/errors';
import { bedrockMock, rdsMock } from './deploy-harness';

// One mock per client class for the whole project run: files share modules (isolate: false).
const rds = new RDSClient({ region: 'us-east-1' });
const bedrock = new BedrockClient({ region: 'us-east-1' });

const AVAILABLE = {
  authorizationStatus: 'AUTHORIZED',
  entitlementAvailability: 'AVAILABLE',
  regionAvailability: 'AVAILABLE',
} as const;

/** Two pages of offered versions, as RDS returns them (not sorted numerically). */
function offerVersions() {
  rdsMock
    .on(DescribeDBEngineVersionsCommand, { Marker: undefined })
    .resolves({ DBEngineVersions: [{ EngineVersion: '15.12' }, { EngineVersion: '16.9' }], Marker: 'page-2' })
    .on(DescribeDBEngineVersionsCommand, { Marker: 'page-2' })
    .resolves({
      DBEngineVersions: [{ EngineVersion: '16.10' }, { EngineVersion: '16.8' }, { EngineVersion: '17.5' }],
    });
}

beforeEach(() => {
  rdsMock.reset();
  bedrockMock.reset();
});

describe('checkEngineVersion', () => {
  it('refuses a version RDS offers without Aurora Serverless v2 when it lists Serverless v2 support', async () => {
    const v2 = { MinCapacity: 0, MaxCapacity: 256 };
    rdsMock.on(DescribeDBEngineVersionsCommand).resolves({
      DBEngineVersions: [
        { EngineVersion: '16.9', ServerlessV2FeaturesSupport: v2 },
        { EngineVersion: '16.10' },
        { EngineVersion: '16.11', ServerlessV2FeaturesSupport: v2 },
      ],
    });
    expect(await checkEngineVersion(rds, '16.11', 'us-east-1')).toMatchObject({ ok: true });
    expect(await checkEngineVersion(rds, '16.10', 'us-east-1')).toEqual({
      ok: false,
      message:
        'Aurora PostgreSQL 16.10 is offered in us-east-1 but not with Aurora Serverless v2; the newest 16.x offered ' +
        'is 16.11: set engine_version = "16.11" in terraform/database/terraform.tfvars',
    });
  });

  it('passes when the region offers the version, reading every page of aurora-postgresql versions', async () => {
    offerVersions();
    const result = await checkEngineVersion(rds, '16.10', 'us-east-1');
    expect(result).toEqual({
      ok: true,
      message: 'Aurora PostgreSQL 16.10 is offered for new clusters in us-east-1',
    });
    // 16.10 is only on the second page; the paginator reuses one input object, so check the calls' count.
    const calls = rdsMock.commandCalls(DescribeDBEngineVersionsCommand);
    expect(calls).toHaveLength(2);
    const inputs = calls.map((call) => call.args[0].input);
    expect(inputs.every((input) => input.Engine === 'aurora-postgresql')).toBe(true);
    expect(inputs.every((input) => input.IncludeAll === undefined)).toBe(true);
  });

  it('names the newest offered minor of the same major, numerically, when the version is not offered', async () => {
    offerVersions();
    const result = await checkEngineVersion(rds, '16.6', 'us-east-1');
    expect(result).toEqual({
      ok: false,
      message:
        'Aurora PostgreSQL 16.6 is not offered for new clusters in us-east-1; the newest 16.x offered is 16.10: ' +
        'set engine_version = "16.10" in terraform/database/terraform.tfvars',
    });
  });

  it('says so when the region offers no version of that major', async () => {
    rdsMock.on(DescribeDBEngineVersionsCommand).resolves({ DBEngineVersions: [{ EngineVersion: '17.5' }] });
    const result = await checkEngineVersion(rds, '16.10', 'eu-south-2');
    expect(result.ok).toBe(false);
    expect(result.message).toBe(
      'Aurora PostgreSQL 16.10 is not offered for new clusters in eu-south-2; no 16.x version is offered there',
    );
  });
});

describe('checkModelAccess', () => {
  it('asks about the foundation model behind a cross-region inference profile', async () => {
    bedrockMock.on(GetFoundationModelAvailabilityCommand).resolves(AVAILABLE);
    const result = await checkModelAccess(bedrock, 'us.amazon.nova-pro-v1:0', 'us-east-1');
    expect(result).toEqual({
      ok: true,
      message:
        'Bedrock model us.amazon.nova-pro-v1:0 (amazon.nova-pro-v1:0) is available to this account in us-east-1',
    });
    expect(bedrockMock.commandCalls(GetFoundationModelAvailabilityCommand)[0]?.args[0].input).toEqual({
      modelId: 'amazon.nova-pro-v1:0',
    });
    expect(foundationModelOf('anthropic.claude-3-5-sonnet-20240620-v1:0')).toBe(
      'anthropic.claude-3-5-sonnet-20240620-v1:0',
    );
  });

  it.each([
    [
      { ...AVAILABLE, entitlementAvailability: 'NOT_AVAILABLE' },
      /has no model access: grant it in the Bedrock console \(Model access\) in us-east-1$/,
    ],
    [
      { ...AVAILABLE, authorizationStatus: 'NOT_AUTHORIZED' },
      /is not authorized for this account or identity/,
    ],
    [{ ...AVAILABLE, regionAvailability: 'NOT_AVAILABLE' }, /is not offered by Bedrock in us-east-1$/],
    [{ ...AVAILABLE, agreementAvailability: { status: 'PENDING' } }, /agreement still pending/],
    [
      { ...AVAILABLE, agreementAvailability: { status: 'ERROR', errorMessage: 'card declined' } },
      /failed model agreement: card declined$/,
    ],
  ] as const)('fails with one line naming the reason (%o)', async (answer, reason) => {
    bedrockMock.on(GetFoundationModelAvailabilityCommand).resolves(answer);
    const result = await checkModelAccess(bedrock, 'us.amazon.nova-micro-v1:0', 'us-east-1');
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^Bedrock model us\.amazon\.nova-micro-v1:0 \(amazon\.nova-micro-v1:0\) /);
    expect(result.message).toMatch(reason);
    expect(result.message).not.toContain('\n');
  });

  it('says what to allow when the deploying identity may not ask, and names an unknown model', async () => {
    bedrockMock
      .on(GetFoundationModelAvailabilityCommand)
      .rejects(Object.assign(new Error('no'), { name: 'AccessDeniedException' }));
    expect((await checkModelAccess(bedrock, 'amazon.nova-pro-v1:0', 'us-east-1')).message).toBe(
      'cannot check Bedrock model amazon.nova-pro-v1:0: access denied to bedrock:GetFoundationModelAvailability ' +
        '(allow it, or deploy with --skip-preflight)',
    );
    bedrockMock
      .on(GetFoundationModelAvailabilityCommand)
      .rejects(Object.assign(new Error('nope'), { name: 'ResourceNotFoundException' }));
    expect((await checkModelAccess(bedrock, 'amazon.nova-typo-v1:0', 'us-east-1')).message).toBe(
      'Bedrock model amazon.nova-typo-v1:0 is not a model id Bedrock knows in us-east-1',
    );
  });
});

describe('runPreflight', () => {
  it('logs every check and throws one error naming every failure', async () => {
    offerVersions();
    bedrockMock
      .on(GetFoundationModelAvailabilityCommand, { modelId: 'amazon.nova-pro-v1:0' })
      .resolves(AVAILABLE)
      .on(GetFoundationModelAvailabilityCommand, { modelId: 'amazon.nova-micro-v1:0' })
      .resolves({ ...AVAILABLE, entitlementAvailability: 'NOT_AVAILABLE' });
    const lines: string[] = [];
    const run = runPreflight(
      {
        region: 'us-east-1',
        engineVersion: '16.6',
        bedrockRegion: 'us-east-1',
        modelIds: ['us.amazon.nova-pro-v1:0', 'us.amazon.nova-micro-v1:0'],
      },
      { rds, bedrock },
      (line) => lines.push(line),
    );
    await expect(run).rejects.toBeInstanceOf(DeployError);
    await expect(run).rejects.toThrow(
      /^preflight failed: Aurora PostgreSQL 16\.6 is not offered .*16\.10.*; Bedrock model us\.amazon\.nova-micro-v1:0 .* has no model access/,
    );
    expect(lines.map((line) => line.split(':').slice(0, 2).join(':'))).toEqual([
      'preflight: FAILED',
      'preflight: ok',
      'preflight: FAILED',
    ]);
  });

  it('reports a failed version lookup as a failed check', async () => {
    rdsMock
      .on(DescribeDBEngineVersionsCommand)
      .rejects(new Error('Could not load credentials from any providers'));
    bedrockMock.on(GetFoundationModelAvailabilityCommand).resolves(AVAILABLE);
    await expect(
      runPreflight(
        { region: 'us-east-1', engineVersion: '16.10', bedrockRegion: 'us-east-1', modelIds: [] },
        { rds, bedrock },
        () => {},
      ),
    ).rejects.toThrow(
      'preflight failed: cannot check Aurora PostgreSQL 16.10 in us-east-1: Could not load credentials from any providers',
    );
  });

  it('does not check the engine version of a cluster that already exists', async () => {
    bedrockMock.on(GetFoundationModelAvailabilityCommand).resolves(AVAILABLE);
    const lines: string[] = [];
    await runPreflight(
      {
        region: 'us-east-1',
        engineVersion: undefined,
        bedrockRegion: 'us-west-2',
        modelIds: ['amazon.nova-pro-v1:0'],
      },
      { rds, bedrock },
      (line) => lines.push(line),
    );
    expect(rdsMock.calls()).toHaveLength(0);
    expect(lines).toEqual([
      'preflight: the Aurora cluster exists (terraform/database outputs): engine version not checked',
      'preflight: ok: Bedrock model amazon.nova-pro-v1:0 is available to this account in us-west-2',
    ]);
  });
});
