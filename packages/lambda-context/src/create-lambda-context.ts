import { readSecretString } from '@alex/aws-adapters';
import type { AgentName } from '@alex/contracts';
import { createRepositories, type Repositories } from '@alex/database';
import { openDataApiDatabase } from '@alex/database/data-api';
import { errorMessage } from '@alex/errors';
import { type LanguageModel, llmConfigFromEnv, OFFLINE } from '@alex/llm';
import { BedrockModel } from '@alex/llm/bedrock';
import {
  type Clock,
  type CommonAgentEnv,
  createJsonLogger,
  type Logger,
  retryingRepositories,
  systemClock,
} from '@alex/runtime';
import { configureTracing, type TracingHandle } from '@alex/tracing';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** What Lambda passes as the second handler argument (the part the agents use). */
export interface Invocation {
  getRemainingTimeInMillis(): number;
  /** The request id; the planner names its job claims after it. */
  awsRequestId?: string;
}

/** The dependencies of an agent Lambda, built once per container, and a hook for each invocation. */
export interface LambdaContext {
  repos: Repositories;
  llm: LanguageModel;
  logger: Logger;
  clock: Clock;
  /**
   * Runs one invocation: model retries stop before its deadline, and traces are flushed before it returns
   * (Lambda freezes the process afterwards).
   */
  invoke<R>(invocation: Invocation | undefined, work: () => Promise<R>): Promise<R>;
}

/** Langfuse tracing when both keys are configured and the secret is readable; otherwise tracing is off. */
async function lambdaTracing(env: CommonAgentEnv, service: string, logger: Logger): Promise<TracingHandle> {
  if (!env.LANGFUSE_PUBLIC_KEY || !env.LANGFUSE_SECRET_ARN) return configureTracing({ serviceName: service });
  const secret = await readSecretString(new SecretsManagerClient({}), env.LANGFUSE_SECRET_ARN);
  if (!secret.ok) logger.warn('Langfuse secret unreadable; tracing off', { error: secret.error });
  const langfuse = secret.ok
    ? {
        publicKey: env.LANGFUSE_PUBLIC_KEY,
        secretKey: secret.value,
        ...(env.LANGFUSE_HOST ? { baseUrl: env.LANGFUSE_HOST } : {}),
      }
    : null;
  return configureTracing({ serviceName: service, langfuse, logger });
}

// Bedrock in AWS, or offline; the OpenAI-compatible provider is for local use and stays out of the bundles.
// One way in, as locally: the agent's <AGENT>_BEDROCK_MODEL_ID, else the shared BEDROCK_MODEL_ID.
function lambdaModel(env: CommonAgentEnv, agent: AgentName, remainingTimeMs: () => number): LanguageModel {
  if (env.LLM_PROVIDER === 'openai-compatible') {
    throw new Error(`LLM_PROVIDER=${env.LLM_PROVIDER} is not available in Lambda: use bedrock or offline`);
  }
  const config = llmConfigFromEnv(env, agent);
  if (config.provider !== 'bedrock') return OFFLINE;
  const model = new BedrockModel({
    modelId: config.modelId,
    region: config.region,
    timeoutMs: config.timeoutMs,
    retry: { remainingTimeMs },
  });
  return { id: config.modelId, model };
}

/**
 * Builds the Data API repositories, the agent's configured model and a JSON logger for one agent Lambda;
 * `agent` is also the log and trace service name.
 */
export async function createLambdaContext(env: CommonAgentEnv, agent: AgentName): Promise<LambdaContext> {
  const database = await openDataApiDatabase({
    resourceArn: env.DATABASE_CLUSTER_ARN,
    secretArn: env.DATABASE_SECRET_ARN,
    database: env.DATABASE_NAME,
    ...(process.env.AWS_REGION ? { region: process.env.AWS_REGION } : {}),
  });
  let invocation: Invocation | undefined;
  const remainingTimeMs = () => invocation?.getRemainingTimeInMillis() ?? Number.POSITIVE_INFINITY;
  // Lambda sends stdout to CloudWatch; one JSON object per line keeps logs queryable.
  const logger = createJsonLogger({
    service: agent,
    level: env.LOG_LEVEL,
    write: (line) => process.stdout.write(`${line}\n`),
  });
  const tracing = await lambdaTracing(env, agent, logger);
  // Every agent's database calls retry transient errors (connection loss, a resuming Aurora, throttling)
  // within the invocation's remaining time.
  const repos = retryingRepositories(createRepositories(database.db), {
    remainingTimeMs,
    onRetry: ({ attempt, delayMs, error }) =>
      logger.warn('database call failed; retrying', { attempt, delayMs, error: errorMessage(error) }),
  });
  return {
    repos,
    llm: lambdaModel(env, agent, remainingTimeMs),
    logger,
    clock: systemClock,
    async invoke(current, work) {
      invocation = current;
      try {
        return await work();
      } finally {
        await tracing.flush();
      }
    },
  };
}
