import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTerraformSettings } from '../../src/deploy/terraform-settings';
import { useTempDir } from '../support/temp-dir';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const roots = useTempDir('alex-tfvars-');

type Module = 'database' | 'agents';

/** A repository root with the real `.tf` files of both modules, the tfvars given and any extra files. */
function rootWith(tfvars: Partial<Record<Module, string>>, extra: Partial<Record<Module, string>> = {}) {
  const root = mkdtempSync(join(roots, 'root-'));
  for (const module of ['database', 'agents'] as const) {
    const source = join(repoRoot, 'terraform', module);
    const target = join(root, 'terraform', module);
    mkdirSync(target, { recursive: true });
    for (const file of readdirSync(source).filter((name) => name.endsWith('.tf'))) {
      copyFileSync(join(source, file), join(target, file));
    }
    const vars = tfvars[module];
    if (vars !== undefined) writeFileSync(join(target, 'terraform.tfvars'), vars);
    const tf = extra[module];
    if (tf !== undefined) writeFileSync(join(target, 'extra.tf'), tf);
  }
  return root;
}

/** The message readTerraformSettings rejects with. */
async function refusal(root: string): Promise<string> {
  return readTerraformSettings(root).then(
    (settings) => `resolved with ${JSON.stringify(settings)}`,
    (error: Error) => error.message,
  );
}

const DEFAULTS = {
  engineVersion: '16.10',
  bedrockRegion: 'us-east-1',
  modelIds: ['us.amazon.nova-pro-v1:0'],
};
const LANGFUSE_HINT =
  'the four langfuse_* variables are now one object, langfuse = { public_key, secret_arn, host, export_content }';

describe('readTerraformSettings', () => {
  it("reads the variables' defaults when no terraform.tfvars exists", async () => {
    expect(await readTerraformSettings(rootWith({}))).toEqual(DEFAULTS);
  });

  it('prefers terraform.tfvars and lists the shared model and each per-agent model once', async () => {
    const root = rootWith({
      database: 'engine_version = "16.11"\nmin_capacity = 0\n',
      agents: [
        'bedrock_model_id = "us.amazon.nova-lite-v1:0"',
        'bedrock_region   = "us-west-2"',
        '# agent_models = { tagger = "commented.out-v1:0" }',
        'agent_models = {',
        '  planner  = "us.amazon.nova-micro-v1:0"',
        '  reporter = "us.amazon.nova-lite-v1:0"',
        '}',
      ].join('\n'),
    });
    expect(await readTerraformSettings(root)).toEqual({
      engineVersion: '16.11',
      bedrockRegion: 'us-west-2',
      modelIds: ['us.amazon.nova-lite-v1:0', 'us.amazon.nova-micro-v1:0'],
    });
  });

  it('refuses a value it cannot evaluate, naming the variable', async () => {
    const root = rootWith({ database: 'engine_version = var.other\n' });
    await expect(readTerraformSettings(root)).rejects.toThrow(
      /^cannot read engine_version from the Terraform files: expected a literal/,
    );
  });
});

describe('readTerraformSettings with keys the module does not declare', () => {
  it('refuses an old langfuse_* key, naming it and the langfuse object that replaced it', async () => {
    const root = rootWith({
      agents: 'bedrock_region = "us-west-2"\nlangfuse_host = "https://us.cloud.langfuse.com"\n',
    });
    expect(await refusal(root)).toBe(
      `terraform/agents/terraform.tfvars sets langfuse_host, which terraform/agents does not declare (Terraform would ignore it): ${LANGFUSE_HINT}`,
    );
  });

  it('refuses the master secret key of deployments made before the application user, naming its successor', async () => {
    const root = rootWith({
      agents: 'aurora_secret_arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds"\n',
    });
    expect(await refusal(root)).toMatch(
      /^terraform\/agents\/terraform\.tfvars sets aurora_secret_arn, .+: set app_secret_arn to terraform\/database output app_secret_arn \(guides\/2-deploying-to-aws\.md, "Upgrading a deployment made before the application user"\)$/,
    );
  });

  it('refuses misspelt keys with one line per module, each hint once', async () => {
    const root = rootWith({
      database: 'engine_verison = "16.11"\n',
      agents:
        'bedrock_regoin = "us-west-2"\nlangfuse_public_key = "pk-lf-123"\nlangfuse_export_content = true\n',
    });
    expect((await refusal(root)).split('\n')).toEqual([
      'terraform/database/terraform.tfvars sets engine_verison, which terraform/database does not declare ' +
        '(Terraform would ignore it): check the spelling of engine_verison against the variables in terraform/README.md',
      'terraform/agents/terraform.tfvars sets bedrock_regoin, langfuse_export_content, langfuse_public_key, which ' +
        'terraform/agents does not declare (Terraform would ignore them): check the spelling of bedrock_regoin ' +
        `against the variables in terraform/README.md; ${LANGFUSE_HINT}`,
    ]);
  });

  it('accepts a key declared in any .tf file of the module, not only variables.tf', async () => {
    const agents = [
      'langfuse = {', // monitoring-variables.tf
      '  public_key = "pk-lf-123"',
      '  secret_arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:alex/langfuse-AbCdEf"',
      '}',
      'cors_origins = ["https://app.example.com"]', // api-variables.tf
      'only_in_extra = "x"', // extra.tf
    ].join('\n');
    const extra = { agents: 'variable "only_in_extra" {\n  type = string\n}\n' };
    expect(await readTerraformSettings(rootWith({ agents }, extra))).toEqual(DEFAULTS);
    expect(await refusal(rootWith({ agents }))).toMatch(
      /^terraform\/agents\/terraform\.tfvars sets only_in_extra, which terraform\/agents does not declare/,
    );
  });

  it('accepts the terraform.tfvars.example of both modules', async () => {
    const example = (module: Module) =>
      readFileSync(join(repoRoot, 'terraform', module, 'terraform.tfvars.example'), 'utf8');
    const root = rootWith({ database: example('database'), agents: example('agents') });
    expect(await readTerraformSettings(root)).toEqual(DEFAULTS);
  });
});
