import { JOB_QUEUE } from '@alex/contracts';
import { COMMON_ENV_SOURCES, CommonAgentEnv, parseConfig } from '@alex/runtime';
import { z } from 'zod';

/** The planner Lambda's environment. */
export const PlannerEnv = CommonAgentEnv.extend({
  TAGGER_FUNCTION: z.string().min(1).default('alex-tagger'),
  REPORTER_FUNCTION: z.string().min(1).default('alex-reporter'),
  CHARTER_FUNCTION: z.string().min(1).default('alex-charter'),
  RETIREMENT_FUNCTION: z.string().min(1).default('alex-retirement'),
  /** Client timeout for a specialist invoke; above the specialists' 300 s Lambda timeout. */
  INVOKE_TIMEOUT_MS: z.coerce.number().int().positive().default(310_000),
  /** Polygon key in Secrets Manager; unset means stored prices are used as they are. */
  POLYGON_API_KEY_SECRET_ARN: z
    .string()
    .regex(/^arn:aws[a-z-]*:secretsmanager:/)
    .optional(),
  POLYGON_PLAN: z.enum(['free', 'paid']).default('free'),
  /** The queue's maxReceiveCount: on that receive the planner fails a job instead of handing it back. */
  MAX_RECEIVE_COUNT: z.coerce.number().int().min(1).max(1000).default(JOB_QUEUE.max_receive_count),
  /**
   * How long a job's claim holds without renewal; the planner renews it every third of this while it runs,
   * so a crashed or timed-out planner's job is free again this long after it stopped (then swept).
   */
  JOB_LEASE_SECONDS: z.coerce.number().int().min(10).max(850).default(JOB_QUEUE.job_lease_seconds),
  /** The jobs queue, where the scheduled sweep re-sends abandoned jobs; unset means the sweep is refused. */
  JOBS_QUEUE_URL: z.url().optional(),
});
export type PlannerEnv = z.infer<typeof PlannerEnv>;

/** Reads the planner's configuration; the error names every bad variable and its source. */
export function plannerConfig(env: Record<string, string | undefined>): PlannerEnv {
  return parseConfig(PlannerEnv, env, {
    ...COMMON_ENV_SOURCES,
    POLYGON_API_KEY_SECRET_ARN: 'terraform variable polygon_api_key_secret_arn',
    JOBS_QUEUE_URL: 'terraform output jobs_queue_url',
  });
}
