import { COMMON_ENV_SOURCES, CommonAgentEnv, parseConfig } from '@alex/runtime';
import type { z } from 'zod';

/** The tagger Lambda's environment: only the common variables. */
export const TaggerEnv = CommonAgentEnv;
export type TaggerEnv = z.infer<typeof TaggerEnv>;

/** Reads the tagger's configuration; the error names every bad variable and its source. */
export function taggerConfig(env: Record<string, string | undefined>): TaggerEnv {
  return parseConfig(TaggerEnv, env, COMMON_ENV_SOURCES);
}
