import { z } from 'zod';

// A Bedrock model or inference profile id: one token (it becomes part of an IAM ARN).
const ModelId = z.string().regex(/^\S+$/, 'must be a model id without spaces');

/** Variables every agent Lambda reads: the Aurora Data API, the model, logging. */
export const CommonAgentEnv = z.object({
  DATABASE_CLUSTER_ARN: z.string().regex(/^arn:aws[a-z-]*:rds:/, 'must be an Aurora cluster ARN'),
  DATABASE_SECRET_ARN: z.string().regex(/^arn:aws[a-z-]*:secretsmanager:/, 'must be a Secrets Manager ARN'),
  DATABASE_NAME: z.string().min(1).default('alex'),
  LLM_PROVIDER: z.enum(['bedrock', 'openai-compatible', 'offline']).default('bedrock'),
  BEDROCK_MODEL_ID: ModelId.default('us.amazon.nova-pro-v1:0'),
  /** Per-agent models; each agent reads its own (llmConfigFromEnv in @alex/llm), else BEDROCK_MODEL_ID. */
  PLANNER_BEDROCK_MODEL_ID: ModelId.optional(),
  TAGGER_BEDROCK_MODEL_ID: ModelId.optional(),
  REPORTER_BEDROCK_MODEL_ID: ModelId.optional(),
  CHARTER_BEDROCK_MODEL_ID: ModelId.optional(),
  RETIREMENT_BEDROCK_MODEL_ID: ModelId.optional(),
  BEDROCK_REGION: z.string().min(1).default('us-east-1'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Share of invocations (0-1) logged at debug level whatever LOG_LEVEL says (Powertools log sampling). */
  LOG_DEBUG_SAMPLE_RATE: z.coerce.number().min(0).max(1).default(0),
  /** Model prices in dollars per million tokens, JSON, replacing or adding to the published defaults. */
  MODEL_PRICES: z.string().max(10_000).optional(),
  /** CloudWatch namespace of the EMF metrics (the alarms and the dashboard read it). */
  METRICS_NAMESPACE: z
    .string()
    .regex(/^[A-Za-z0-9._/#:-]{1,255}$/, 'must be a CloudWatch namespace')
    .default('AlexAgents'),
  /** Langfuse tracing is on only when both keys are available. */
  LANGFUSE_PUBLIC_KEY: z.string().min(1).optional(),
  LANGFUSE_SECRET_ARN: z
    .string()
    .regex(/^arn:aws[a-z-]*:secretsmanager:/)
    .optional(),
  LANGFUSE_HOST: z.url().optional(),
  /** Export prompts, answers and tool data (portfolio contents) to Langfuse too: only "true" turns it on. */
  LANGFUSE_EXPORT_CONTENT: z.enum(['true', 'false']).default('false'),
});
export type CommonAgentEnv = z.infer<typeof CommonAgentEnv>;

/** Where each common variable's value comes from, for configuration errors. */
export const COMMON_ENV_SOURCES: Record<string, string> = {
  DATABASE_CLUSTER_ARN: 'terraform output aurora_cluster_arn',
  DATABASE_SECRET_ARN: 'terraform output app_secret_arn (terraform/database)',
  DATABASE_NAME: 'terraform variable database_name',
  BEDROCK_MODEL_ID: 'terraform variable bedrock_model_id',
  PLANNER_BEDROCK_MODEL_ID: 'terraform variable agent_models.planner',
  TAGGER_BEDROCK_MODEL_ID: 'terraform variable agent_models.tagger',
  REPORTER_BEDROCK_MODEL_ID: 'terraform variable agent_models.reporter',
  CHARTER_BEDROCK_MODEL_ID: 'terraform variable agent_models.charter',
  RETIREMENT_BEDROCK_MODEL_ID: 'terraform variable agent_models.retirement',
  BEDROCK_REGION: 'terraform variable bedrock_region',
  LANGFUSE_SECRET_ARN: 'terraform variable langfuse.secret_arn',
  LANGFUSE_HOST: 'terraform variable langfuse.host',
};
