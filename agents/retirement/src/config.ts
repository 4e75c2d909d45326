import { COMMON_ENV_SOURCES, CommonAgentEnv, parseConfig } from '@alex/runtime';
import { z } from 'zod';

/** The retirement Lambda's environment: the simulation size on top of the common variables. */
export const RetirementEnv = CommonAgentEnv.extend({
  RETIREMENT_PATHS: z.coerce.number().int().min(100).max(200_000).default(10_000),
});
export type RetirementEnv = z.infer<typeof RetirementEnv>;

/** Reads the retirement specialist's configuration; the error names every bad variable and its source. */
export function retirementConfig(env: Record<string, string | undefined>): RetirementEnv {
  return parseConfig(RetirementEnv, env, COMMON_ENV_SOURCES);
}
