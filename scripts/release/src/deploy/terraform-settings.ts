import { readdir, readFile } from 'node:fs/promises';
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

/** A root module's `terraform.tfvars` (empty when there is none) and the variables its `.tf` files declare. */
interface ModuleSettings {
  /** `terraform/<name>`, relative to the repository root. */
  dir: string;
  tfvars: HclBody;
  /** Each declared variable's default (undefined when it has none), by name. */
  defaults: HclBody;
}

/** Why a tfvars key a module no longer declares went away, and what to write instead. */
const MOVED_VARIABLES: Record<string, string> = {
  ...Object.fromEntries(
    ['langfuse_public_key', 'langfuse_secret_arn', 'langfuse_host', 'langfuse_export_content'].map((name) => [
      name,
      'the four langfuse_* variables are now one object, langfuse = { public_key, secret_arn, host, export_content }',
    ]),
  ),
  aurora_secret_arn:
    'the Lambdas read the application user\'s secret: set app_secret_arn to terraform/database output app_secret_arn (guides/2-deploying-to-aws.md, "Upgrading a deployment made before the application user")',
};

async function parseFile(file: string): Promise<HclBody | undefined> {
  const contents = await readFile(file, 'utf8').catch(nullIfMissing);
  return contents === null ? undefined : ((await parse(file, contents)) as HclBody);
}

/** Reads `terraform/<name>`: its tfvars, and the variables of every `.tf` file (not only variables.tf). */
async function readModule(root: string, name: string): Promise<ModuleSettings> {
  const dir = `terraform/${name}`;
  const files = ((await readdir(join(root, dir)).catch(nullIfMissing)) ?? []).filter((file) =>
    file.endsWith('.tf'),
  );
  const defaults: HclBody = {};
  for (const file of files.sort()) {
    const body = await parseFile(join(root, dir, file));
    const variables = (body?.variable ?? {}) as Record<string, { default?: unknown }[]>;
    for (const [variable, [block]] of Object.entries(variables)) defaults[variable] = block?.default;
  }
  const tfvars = (await parseFile(join(root, dir, 'terraform.tfvars'))) ?? {};
  return { dir, tfvars, defaults };
}

/**
 * One line naming the tfvars keys the module does not declare, or undefined when it declares them all.
 * Terraform only warns about such a key and ignores its value, so a misspelt or renamed setting would vanish.
 */
function undeclaredKeys({ dir, tfvars, defaults }: ModuleSettings): string | undefined {
  const undeclared = Object.keys(tfvars)
    .filter((key) => !Object.hasOwn(defaults, key))
    .sort();
  if (undeclared.length === 0) return undefined;
  const hints = new Set(
    undeclared.map(
      (key) =>
        MOVED_VARIABLES[key] ?? `check the spelling of ${key} against the variables in terraform/README.md`,
    ),
  );
  const them = undeclared.length === 1 ? 'it' : 'them';
  return (
    `${dir}/terraform.tfvars sets ${undeclared.join(', ')}, which ${dir} does not declare ` +
    `(Terraform would ignore ${them}): ${[...hints].join('; ')}`
  );
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
 * the guides have operators set them), falling back to the variables' defaults in the module's `.tf` files.
 * Refuses, one line per module, a tfvars key that the module declares in none of its `.tf` files.
 */
export async function readTerraformSettings(root: string): Promise<TerraformSettings> {
  const database = await readModule(root, 'database');
  const agents = await readModule(root, 'agents');
  const undeclared = [database, agents].map(undeclaredKeys).filter((line) => line !== undefined);
  if (undeclared.length > 0) throw new Error(undeclared.join('\n'));

  const text = z.string().min(1);
  const setting = <T>(module: ModuleSettings, schema: z.ZodType<T>, name: string) =>
    literal(schema, name, module.tfvars[name], module.defaults[name]);
  const models = setting(agents, z.record(z.string(), text), 'agent_models');
  const shared = setting(agents, text, 'bedrock_model_id');
  return {
    engineVersion: setting(database, text, 'engine_version'),
    bedrockRegion: setting(agents, text, 'bedrock_region'),
    modelIds: [...new Set([shared, ...Object.values(models)])],
  };
}
