import { createRepositories, type Repositories } from '@alex/database';
import { openDataApiDatabase } from '@alex/database/data-api';
import { type LanguageModel, llmConfigFromEnv } from '@alex/llm';
import { createLanguageModel } from '@alex/llm/factory';
import { type Clock, type CommonAgentEnv, createJsonLogger, type Logger, systemClock } from '@alex/runtime';

/** The invocation-independent dependencies of an agent Lambda, built once per container. */
export interface LambdaContext {
  repos: Repositories;
  llm: LanguageModel;
  logger: Logger;
  clock: Clock;
}

/** Builds the Data API repositories, the configured model and a JSON logger for one agent Lambda. */
export async function createLambdaContext(env: CommonAgentEnv, service: string): Promise<LambdaContext> {
  const database = await openDataApiDatabase({
    resourceArn: env.DATABASE_CLUSTER_ARN,
    secretArn: env.DATABASE_SECRET_ARN,
    database: env.DATABASE_NAME,
    ...(process.env.AWS_REGION ? { region: process.env.AWS_REGION } : {}),
  });
  const llm = createLanguageModel(
    llmConfigFromEnv({
      LLM_PROVIDER: env.LLM_PROVIDER,
      BEDROCK_MODEL_ID: env.BEDROCK_MODEL_ID,
      BEDROCK_REGION: env.BEDROCK_REGION,
    }),
  );
  // Lambda sends stdout to CloudWatch; one JSON object per line keeps logs queryable.
  const logger = createJsonLogger({
    service,
    level: env.LOG_LEVEL,
    write: (line) => process.stdout.write(`${line}\n`),
  });
  return { repos: createRepositories(database.db), llm, logger, clock: systemClock };
}
