import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetFunctionCommand, UpdateFunctionCodeCommand } from '@aws-sdk/client-lambda';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { beforeEach, describe, expect, it } from 'vitest';
import { LAMBDA_NAMES } from '../../src/build/lambdas';
import { parseDeployConfig } from '../../src/deploy/deploy-config';
import { runDeploy } from '../../src/deploy/run-deploy';
import { readTerraformSettings } from '../../src/deploy/terraform-settings';
import { useTempDir } from '../support/temp-dir';
import { harness as deployHarness, lambdaMock, resetMocks, s3Mock } from './deploy-harness';

const root = useTempDir('alex-deploy-');

const KEY = /^lambdas\/(\w+)\/[0-9a-f]{64}\.zip$/;
const harness = () => deployHarness(root);

beforeEach(resetMocks);

describe('runDeploy --dry-run', () => {
  it('lists the build, every upload with its bucket and key, and the terraform apply, calling nothing', async () => {
    const h = harness();
    await runDeploy(parseDeployConfig(['--dry-run'], { ALEX_CODE_BUCKET: 'alex-code' }), h.deps);
    expect(h.lines).toContain('[dry-run] pnpm build tagger reporter charter retirement planner api');
    const uploads = h.lines.filter((line) => line.startsWith('[dry-run] s3:PutObject '));
    expect(uploads).toHaveLength(6);
    for (const [i, name] of LAMBDA_NAMES.entries()) {
      const params = JSON.parse(uploads[i]?.slice('[dry-run] s3:PutObject '.length) ?? '{}');
      expect(params.Bucket).toBe('alex-code');
      expect(params.Key).toMatch(KEY);
      expect(params.Key.split('/')[1]).toBe(name);
    }
    const apply = h.lines.find((line) =>
      line.startsWith('[dry-run] terraform -chdir=terraform/agents apply'),
    );
    expect(apply).toContain('-var \'lambda_artifacts={"tagger":{"zip_path":"agents/tagger/dist/tagger.zip"');
    expect(apply).toContain('"api":{"zip_path":"packages/api/dist/api.zip"');
    expect(h.lines.indexOf(apply ?? '')).toBeGreaterThan(h.lines.indexOf(uploads[5] ?? ''));
    expect(h.built).toEqual([[...LAMBDA_NAMES]]);
    expect(h.clientsBuilt()).toBe(0);
    expect(h.commands).toEqual([]);
    expect(s3Mock.calls()).toHaveLength(0);
  });

  it('names each zip relative to the repository root, also when the root ends with a separator', async () => {
    const h = harness();
    h.deps.root = `${root}/`;
    await runDeploy(parseDeployConfig(['--dry-run', 'tagger'], { ALEX_CODE_BUCKET: 'alex-code' }), h.deps);
    const upload = h.lines.find((line) => line.startsWith('[dry-run] s3:PutObject '));
    expect(JSON.parse(upload?.slice('[dry-run] s3:PutObject '.length) ?? '{}').Body).toMatch(
      /^agents\/tagger\/dist\/tagger\.zip \(\d+ bytes\)$/,
    );
  });

  it('prints the terraform output command and a placeholder when no bucket is configured', async () => {
    const h = harness();
    await runDeploy(parseDeployConfig(['--dry-run', '--update-code', 'tagger'], {}), h.deps);
    expect(h.lines).toContain(
      '[dry-run] terraform -chdir=terraform/agents output -no-color -raw code_bucket',
    );
    expect(h.lines.find((l) => l.includes('UpdateFunctionCode'))).toMatch(
      /"FunctionName":"alex-tagger","S3Bucket":"<terraform output code_bucket>","S3Key":"lambdas\/tagger\//,
    );
  });
});

describe('runDeploy --update-code', () => {
  it('uploads every zip, then updates each of the six functions to its uploaded key and waits', async () => {
    const events: string[] = [];
    s3Mock.on(PutObjectCommand).callsFake((input) => {
      events.push(`put ${input.Bucket}/${input.Key}`);
      return {};
    });
    lambdaMock.on(UpdateFunctionCodeCommand).callsFake((input) => {
      events.push(`update ${input.FunctionName} ${input.S3Bucket}/${input.S3Key}`);
      return { LastUpdateStatus: 'InProgress' };
    });
    lambdaMock.on(GetFunctionCommand).resolves({ Configuration: { LastUpdateStatus: 'Successful' } });
    const h = harness();
    await runDeploy(parseDeployConfig(['--update-code'], { AWS_REGION: 'us-east-1' }), h.deps);

    const puts = events.filter((e) => e.startsWith('put '));
    const updates = events.filter((e) => e.startsWith('update '));
    expect(puts).toHaveLength(6);
    expect(updates).toHaveLength(6);
    expect(events.indexOf(updates[0] ?? '')).toBeGreaterThan(events.indexOf(puts[5] ?? ''));
    for (const [i, name] of LAMBDA_NAMES.entries()) {
      const key = puts[i]?.slice('put bucket-from-terraform/'.length) ?? '';
      expect(key).toMatch(KEY);
      expect(key.split('/')[1]).toBe(name);
      expect(updates[i]).toBe(`update alex-${name} bucket-from-terraform/${key}`);
    }
    const firstPut = s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(firstPut?.ChecksumSHA256).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(lambdaMock.commandCalls(GetFunctionCommand)).toHaveLength(6);
    expect(h.commands).toEqual([]);
  });

  it('uploads the API zip from packages/api/dist and updates alex-api alone', async () => {
    s3Mock.on(PutObjectCommand).resolves({});
    lambdaMock.on(UpdateFunctionCodeCommand).resolves({});
    lambdaMock.on(GetFunctionCommand).resolves({ Configuration: { LastUpdateStatus: 'Successful' } });
    const h = harness();
    await runDeploy(
      parseDeployConfig(['--update-code', 'api'], { AWS_REGION: 'us-east-1', ALEX_CODE_BUCKET: 'b-1' }),
      h.deps,
    );
    expect(h.built).toEqual([['api']]);
    const put = s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(put?.Key).toMatch(/^lambdas\/api\/[0-9a-f]{64}\.zip$/);
    const upload = h.lines.find((line) => line.startsWith('> s3:PutObject '));
    expect(JSON.parse(upload?.slice('> s3:PutObject '.length) ?? '{}')).toMatchObject({
      Bucket: 'b-1',
      Key: put?.Key,
      Body: expect.stringMatching(/^packages\/api\/dist\/api\.zip \(\d+ bytes\)$/),
    });
    const update = lambdaMock.commandCalls(UpdateFunctionCodeCommand).map((call) => call.args[0].input);
    expect(update).toEqual([{ FunctionName: 'alex-api', S3Bucket: 'b-1', S3Key: put?.Key }]);
  });

  it('stops at the first failing upload with a one-line reason and updates nothing', async () => {
    s3Mock.on(PutObjectCommand).rejects(new Error('Access Denied\nrequest id 123'));
    const h = harness();
    await expect(
      runDeploy(
        parseDeployConfig(['--update-code', '--bucket', 'alex-code'], { AWS_REGION: 'us-east-1' }),
        h.deps,
      ),
    ).rejects.toThrow(
      /^upload of tagger to s3:\/\/alex-code\/lambdas\/tagger\/[0-9a-f]{64}\.zip failed: Access Denied$/,
    );
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(1);
    expect(lambdaMock.commandCalls(UpdateFunctionCodeCommand)).toHaveLength(0);
  });

  it('reports a failed code update with the reason Lambda gives', async () => {
    lambdaMock.on(UpdateFunctionCodeCommand).resolves({});
    lambdaMock
      .on(GetFunctionCommand)
      .resolves({ Configuration: { LastUpdateStatus: 'Failed', LastUpdateStatusReason: 'zip is corrupt' } });
    const h = harness();
    await expect(
      runDeploy(
        parseDeployConfig(['--update-code', 'tagger'], { AWS_REGION: 'us-east-1', ALEX_CODE_BUCKET: 'b-1' }),
        h.deps,
      ),
    ).rejects.toThrow('waiting for alex-tagger to update failed: update failed: zip is corrupt');
  });
});

describe('runDeploy with terraform', () => {
  it('stops before any upload when terraform output prints no bucket name', async () => {
    const h = harness();
    h.outputs.bucket = 'Warning: No outputs found';
    await expect(
      runDeploy(parseDeployConfig(['tagger'], { AWS_REGION: 'us-east-1' }), h.deps),
    ).rejects.toThrow(/^terraform output code_bucket gave no bucket name: set ALEX_CODE_BUCKET/);
    expect(s3Mock.calls()).toHaveLength(0);
    expect(h.commands).toEqual([]);
  });

  it('uploads, then runs terraform apply with each artifact hash as a -var', async () => {
    s3Mock.on(PutObjectCommand).resolves({});
    const h = harness();
    await runDeploy(parseDeployConfig(['--yes', 'tagger', 'planner'], { AWS_REGION: 'us-east-1' }), h.deps);
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(2);
    expect(h.commands).toHaveLength(1);
    const [command, ...args] = h.commands[0] ?? [];
    expect(command).toBe('terraform');
    expect(args.slice(0, 5)).toEqual([
      '-chdir=terraform/agents',
      'apply',
      '-input=false',
      '-auto-approve',
      '-var',
    ]);
    const artifacts = JSON.parse(args[5]?.slice('lambda_artifacts='.length) ?? '{}');
    expect(Object.keys(artifacts)).toEqual(['tagger', 'planner']);
    const put = s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(artifacts.tagger).toEqual({
      zip_path: 'agents/tagger/dist/tagger.zip',
      source_code_hash: put?.ChecksumSHA256,
      s3_key: put?.Key,
    });
  });
});

describe('runDeploy with a terraform.tfvars key the module does not declare', () => {
  const tfvarsRoot = useTempDir('alex-deploy-tfvars-');
  mkdirSync(join(tfvarsRoot, 'terraform/agents'), { recursive: true });
  writeFileSync(
    join(tfvarsRoot, 'terraform/agents/variables.tf'),
    'variable "bedrock_region" {\n  type    = string\n  default = "us-east-1"\n}\n',
  );
  writeFileSync(
    join(tfvarsRoot, 'terraform/agents/terraform.tfvars'),
    'langfuse_host = "https://us.cloud.langfuse.com"\n',
  );

  it.each([[[]], [['--skip-preflight']], [['--dry-run']], [['--update-code', 'tagger']]])(
    'refuses it before building or calling anything (%j)',
    async (args) => {
      const h = harness();
      h.deps.readSettings = () => readTerraformSettings(tfvarsRoot);
      await expect(
        runDeploy(
          parseDeployConfig(args, { AWS_REGION: 'us-east-1', ALEX_CODE_BUCKET: 'alex-code' }),
          h.deps,
        ),
      ).rejects.toThrow(
        /^reading the Terraform variables failed: terraform\/agents\/terraform\.tfvars sets langfuse_host, which terraform\/agents does not declare/,
      );
      expect(h.lines).toEqual([]);
      expect(h.built).toEqual([]);
      expect(h.events).toEqual([]);
      expect(h.clientsBuilt()).toBe(0);
    },
  );
});
