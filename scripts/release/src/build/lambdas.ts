import { join } from 'node:path';

/** The five agent Lambdas, in deploy order (specialists first, the planner that invokes them last). */
export const AGENT_NAMES = ['tagger', 'reporter', 'charter', 'retirement', 'planner'] as const;

/** The HTTP API's Lambda (`packages/api`), deployed after the agents whose queue it feeds. */
export const API_NAME = 'api';

/** Every Lambda the release builds and deploys: the five agents, then the API. */
export const LAMBDA_NAMES = [...AGENT_NAMES, API_NAME] as const;

/** The name of one agent Lambda. */
export type AgentName = (typeof AGENT_NAMES)[number];

/** The name of one Lambda the release builds. */
export type LambdaName = (typeof LAMBDA_NAMES)[number];

/** Where one Lambda's handler source is and where its bundle, map, zip and manifest are written. */
export interface LambdaTarget {
  name: string;
  entry: string;
  outDir: string;
}

/**
 * The workspace folder of a Lambda, relative to the repository root: `agents/<name>` for an agent,
 * `packages/api` for the API. The zip is `<folder>/dist/<name>.zip` (Terraform's default `zip_path`).
 */
export function lambdaWorkspace(name: string): string {
  return name === API_NAME ? join('packages', 'api') : join('agents', name);
}

/** The build target of a Lambda: `<workspace>/src/handler.ts` into `<workspace>/dist/`. */
export function lambdaTarget(root: string, name: string): LambdaTarget {
  const workspace = join(root, lambdaWorkspace(name));
  return { name, entry: join(workspace, 'src', 'handler.ts'), outDir: join(workspace, 'dist') };
}

/** The zip of a built Lambda relative to the repository root, with `/` separators (Terraform's `zip_path`). */
export function lambdaZipPath(name: string): string {
  return `${lambdaWorkspace(name).replaceAll('\\', '/')}/dist/${name}.zip`;
}

/** Whether a string names one of the Lambdas the release builds. */
export function isLambdaName(name: string): name is LambdaName {
  return (LAMBDA_NAMES as readonly string[]).includes(name);
}

/** Whether a string names one of the five agent Lambdas. */
export function isAgentName(name: string): name is AgentName {
  return (AGENT_NAMES as readonly string[]).includes(name);
}
