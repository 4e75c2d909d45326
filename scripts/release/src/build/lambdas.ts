import { join } from 'node:path';

/** The five agent Lambdas, in deploy order (specialists first, the planner that invokes them last). */
export const LAMBDA_NAMES = ['tagger', 'reporter', 'charter', 'retirement', 'planner'] as const;

/** The name of one agent Lambda. */
export type LambdaName = (typeof LAMBDA_NAMES)[number];

/** Where one Lambda's handler source is and where its bundle, map, zip and manifest are written. */
export interface LambdaTarget {
  name: string;
  entry: string;
  outDir: string;
}

/** The build target of an agent: `agents/<name>/src/handler.ts` into `agents/<name>/dist/`. */
export function lambdaTarget(root: string, name: string): LambdaTarget {
  return {
    name,
    entry: join(root, 'agents', name, 'src', 'handler.ts'),
    outDir: join(root, 'agents', name, 'dist'),
  };
}

/** Whether a string names one of the agent Lambdas. */
export function isLambdaName(name: string): name is LambdaName {
  return (LAMBDA_NAMES as readonly string[]).includes(name);
}
