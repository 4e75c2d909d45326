import { COMMON_ENV_SOURCES, CommonAgentEnv, parseConfig } from '@alex/runtime';
import type { z } from 'zod';

/** The charter Lambda's environment: only the common variables. */
export const CharterEnv = CommonAgentEnv;
export type CharterEnv = z.infer<typeof CharterEnv>;

/** Reads the charter's configuration; the error names every bad variable and its source. */
export function charterConfig(env: Record<string, string | undefined>): CharterEnv {
  return parseConfig(CharterEnv, env, COMMON_ENV_SOURCES);
}
