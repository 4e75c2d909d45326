import { COMMON_ENV_SOURCES, CommonAgentEnv, parseConfig } from '@alex/runtime';
import { z } from 'zod';

/** The reporter Lambda's environment: knowledge retrieval on top of the common variables. */
export const ReporterEnv = CommonAgentEnv.extend({
  SAGEMAKER_ENDPOINT: z.string().min(1).default('alex-embedding-endpoint'),
  VECTOR_BUCKET: z.string().min(3),
  VECTOR_INDEX: z.string().min(1).default('financial-research'),
});
export type ReporterEnv = z.infer<typeof ReporterEnv>;

/** Reads the reporter's configuration; the error names every bad variable and its source. */
export function reporterConfig(env: Record<string, string | undefined>): ReporterEnv {
  return parseConfig(ReporterEnv, env, {
    ...COMMON_ENV_SOURCES,
    VECTOR_BUCKET: 'terraform variable vector_bucket',
  });
}
