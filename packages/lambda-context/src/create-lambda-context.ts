import {
  type LambdaLogContext,
  lambdaLogger,
  type PublishingMetrics,
  powertoolsMetrics,
  readSecretString,
} from '@alex/aws-adapters';
import type { AgentName } from '@alex/contracts';
import { createRepositories, type Repositories } from '@alex/database';
import { openLambdaDatabase } from '@alex/database/data-api';
import { errorMessage } from '@alex/errors';
import {
  type LanguageModel,
  llmConfigFromEnv,
  type ModelPriceTable,
  modelPriceTable,
  OFFLINE,
} from '@alex/llm';
import { BedrockModel } from '@alex/llm/bedrock';
import {
  type Clock,
  type CommonAgentEnv,
  type Logger,
  type Metrics,
  retryingRepositories,
  systemClock,
} from '@alex/runtime';
import type { TracingHandle } from '@alex/tracing';
import { configureLambdaTracing } from '@alex/tracing/lambda';
import { Metrics as PowertoolsMetrics } from '@aws-lambda-powertools/metrics';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** What Lambda passes as the second handler argument (the part the agents and their logs use). */
export interface Invocation {
  getRemainingTimeInMillis(): number;
  /** The request id; the planner names its job claims after it, and every log line carries it. */
  awsRequestId?: string;
  functionName?: string;
  functionVersion?: string;
  invokedFunctionArn?: string;
  memoryLimitInMB?: string;
}

/** The dependencies of an agent Lambda, built once per container, and a hook for each invocation. */
export interface LambdaContext {
  repos: Repositories;
  llm: LanguageModel;
  logger: Logger;
  /** EMF metrics, published when each invocation ends. */
  metrics: Metrics;
  /** The price table for model costs: the published defaults with the env's MODEL_PRICES. */
  modelPrices: ModelPriceTable;
  clock: Clock;
  /**
   * Runs one invocation: model retries stop before its deadline, and traces are flushed before it returns
   * (Lambda freezes the process afterwards).
   */
  invoke<R>(invocation: Invocation | undefined, work: () => Promise<R>): Promise<R>;
}

/** The Lambda context Powertools logs (request id, function name and version, memory), from the invocation. */
function lambdaContextOf(invocation: Invocation): LambdaLogContext {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: invocation.functionName ?? process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'local',
    functionVersion: invocation.functionVersion ?? process.env.AWS_LAMBDA_FUNCTION_VERSION ?? '$LATEST',
    invokedFunctionArn: invocation.invokedFunctionArn ?? '',
    memoryLimitInMB: invocation.memoryLimitInMB ?? process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE ?? '',
    awsRequestId: invocation.awsRequestId ?? '',
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME ?? '',
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME ?? '',
    getRemainingTimeInMillis: () => invocation.getRemainingTimeInMillis(),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** Langfuse tracing when both keys are configured and the secret is readable; otherwise tracing is off. */
async function lambdaTracing(env: CommonAgentEnv, service: string, logger: Logger): Promise<TracingHandle> {
  if (!env.LANGFUSE_PUBLIC_KEY || !env.LANGFUSE_SECRET_ARN)
    return configureLambdaTracing({ serviceName: service });
  const secret = await readSecretString(new SecretsManagerClient({}), env.LANGFUSE_SECRET_ARN);
  if (!secret.ok) logger.warn('Langfuse secret unreadable; tracing off', { error: secret.error });
  const langfuse = secret.ok
    ? {
        publicKey: env.LANGFUSE_PUBLIC_KEY,
        secretKey: secret.value,
        ...(env.LANGFUSE_HOST ? { baseUrl: env.LANGFUSE_HOST } : {}),
      }
    : null;
  return configureLambdaTracing({
    serviceName: service,
    langfuse,
    logger,
    includeContent: env.LANGFUSE_EXPORT_CONTENT === 'true',
  });
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
  const database = await openLambdaDatabase(env);
  let invocation: Invocation | undefined;
  const remainingTimeMs = () => invocation?.getRemainingTimeInMillis() ?? Number.POSITIVE_INFINITY;
  // Lambda sends stdout to CloudWatch; one JSON object per line, with the Lambda context of the invocation.
  const { logger, startInvocation } = lambdaLogger(agent, {
    level: env.LOG_LEVEL,
    debugSampleRate: env.LOG_DEBUG_SAMPLE_RATE,
  });
  const emf = new PowertoolsMetrics({ namespace: env.METRICS_NAMESPACE, serviceName: agent });
  const metrics: PublishingMetrics = powertoolsMetrics(emf);
  let coldStart = true;
  const tracing = await lambdaTracing(env, agent, logger);
  // Every agent's database calls retry transient errors (connection loss, a resuming Aurora, throttling)
  // within the invocation's remaining time.
  const repos = retryingRepositories(createRepositories(database.db), {
    remainingTimeMs,
    onRetry: ({ attempt, delayMs, error }) => {
      metrics.add('DatabaseRetries', 'Count', 1);
      logger.warn('database call failed; retrying', { attempt, delayMs, error: errorMessage(error) });
    },
  });
  return {
    repos,
    llm: lambdaModel(env, agent, remainingTimeMs),
    logger,
    metrics,
    modelPrices: modelPriceTable(env.MODEL_PRICES),
    clock: systemClock,
    async invoke(current, work) {
      invocation = current;
      startInvocation(current ? lambdaContextOf(current) : undefined);
      if (coldStart) metrics.add('ColdStart', 'Count', 1);
      coldStart = false;
      try {
        return await work();
      } finally {
        metrics.publish();
        await tracing.flush();
      }
    },
  };
}
