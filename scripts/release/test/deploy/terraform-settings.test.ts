import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { readTerraformSettings } from '../../src/deploy/terraform-settings';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A repository root with the real variables.tf files and the tfvars given. */
function rootWith(tfvars: { database?: string; agents?: string }): string {
  const root = mkdtempSync(join(tmpdir(), 'alex-tfvars-'));
  roots.push(root);
  for (const module of ['database', 'agents'] as const) {
    mkdirSync(join(root, 'terraform', module), { recursive: true });
    copyFileSync(
      join(repoRoot, 'terraform', module, 'variables.tf'),
      join(root, 'terraform', module, 'variables.tf'),
    );
    const vars = tfvars[module];
    if (vars !== undefined) writeFileSync(join(root, 'terraform', module, 'terraform.tfvars'), vars);
  }
  return root;
}

describe('readTerraformSettings', () => {
  it("reads the variables' defaults when no terraform.tfvars exists", async () => {
    expect(await readTerraformSettings(rootWith({}))).toEqual({
      engineVersion: '16.10',
      bedrockRegion: 'us-east-1',
      modelIds: ['us.amazon.nova-pro-v1:0'],
    });
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
