import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { nullIfMissing } from '@alex/errors';
import { parse } from '@cdktf/hcl2json';
import { z } from 'zod';

/** What the preflight checks, as Terraform will apply it: a variable's tfvars value, else its default. */
export interface TerraformSettings {
  /** terraform/database `engine_version`. */
  engineVersion: string;
  /** terraform/agents `bedrock_region`. */
  bedrockRegion: string;
  /** terraform/agents `bedrock_model_id` and every `agent_models` value, each once. */
  modelIds: string[];
}

type HclBody = Record<string, unknown>;

async function parseFile(file: string): Promise<HclBody | undefined> {
  const contents = await readFile(file, 'utf8').catch(nullIfMissing);
  return contents === null ? undefined : ((await parse(file, contents)) as HclBody);
}

/** Variable defaults of every `.tf` file named, by variable name. */
async function variableDefaults(dir: string, files: readonly string[]): Promise<HclBody> {
  const defaults: HclBody = {};
  for (const file of files) {
    const body = await parseFile(join(dir, file));
    const variables = (body?.variable ?? {}) as Record<string, { default?: unknown }[]>;
    for (const [name, [block]] of Object.entries(variables)) defaults[name] = block?.default;
  }
  return defaults;
}

/** A literal from the files; an expression (`${...}`) cannot be evaluated here and is refused by name. */
function literal<T>(schema: z.ZodType<T>, name: string, ...values: unknown[]): T {
  const value = values.find((candidate) => candidate !== undefined);
  const result = schema.safeParse(value);
  if (!result.success || JSON.stringify(value).includes('${')) {
    throw new Error(
      `cannot read ${name} from the Terraform files: expected a literal, found ${JSON.stringify(value)}`,
    );
  }
  return result.data;
}

/**
 * Reads the engine version, Bedrock region and model ids from `terraform/<module>/terraform.tfvars` (where
 * the guides have operators set them), falling back to the variables' defaults in `variables.tf`.
 */
export async function readTerraformSettings(root: string): Promise<TerraformSettings> {
  const databaseDir = join(root, 'terraform/database');
  const agentsDir = join(root, 'terraform/agents');
  const databaseVars = (await parseFile(join(databaseDir, 'terraform.tfvars'))) ?? {};
  const agentsVars = (await parseFile(join(agentsDir, 'terraform.tfvars'))) ?? {};
  const databaseDefaults = await variableDefaults(databaseDir, ['variables.tf']);
  const agentsDefaults = await variableDefaults(agentsDir, ['variables.tf']);

  const text = z.string().min(1);
  const models = literal(
    z.record(z.string(), text),
    'agent_models',
    agentsVars.agent_models,
    agentsDefaults.agent_models,
  );
  const shared = literal(
    text,
    'bedrock_model_id',
    agentsVars.bedrock_model_id,
    agentsDefaults.bedrock_model_id,
  );
  return {
    engineVersion: literal(
      text,
      'engine_version',
      databaseVars.engine_version,
      databaseDefaults.engine_version,
    ),
    bedrockRegion: literal(text, 'bedrock_region', agentsVars.bedrock_region, agentsDefaults.bedrock_region),
    modelIds: [...new Set([shared, ...Object.values(models)])],
  };
}
