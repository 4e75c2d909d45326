import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_RECEIVES } from '@alex/agent-planner';
import { startDataApiServer } from '@alex/data-api-local';
import { seedDatabase } from '@alex/database';
import { openPgliteDatabase } from '@alex/database/pglite';
import { type LogDestination, startLambdaEndpoint } from '@alex/lambda-local';
import { ensureJobQueues, type QueueLogger, startEventSourceMapping, startLocalSqs } from '@alex/local-queue';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SQSClient } from '@aws-sdk/client-sqs';
import { PGlite } from '@electric-sql/pglite';
import type { AgentBundles } from './ensure-bundles';
import type { BreakableAgent } from './job-expectation';
import { lambdaTrigger } from './lambda-trigger';
import {
  FUNCTION_NAMES,
  localFunctions,
  PLANNER_TIMEOUT_SECONDS,
  writeBrokenBundle,
} from './local-functions';

/** What the local cloud runs: the built bundles, agents to break, queue timing, where function logs go. */
export interface LocalCloudOptions {
  bundles: AgentBundles;
  broken?: readonly BreakableAgent[];
  /** Short, so the poison drill's three receives take seconds; default 2. */
  visibilityTimeoutSeconds?: number;
  logs?: LogDestination;
  /** The event source mapping's warnings and errors. */
  queueLogger?: QueueLogger;
}

/** A running local cloud: the settings `runFullTest` reads, the DLQ, delivery counts, and how to stop it. */
export interface LocalCloud {
  /** AWS_REGION, ALEX_QUEUE_URL, DATABASE_*, AWS_ENDPOINT_URL_RDS_DATA/SQS and dummy keys. */
  env: Record<string, string>;
  dlqUrl: string;
  maxReceiveCount: number;
  /** How many times the event source mapping delivered a message to the planner. */
  deliveries(messageId: string): number;
  stop(): Promise<void>;
}

/**
 * Starts a cloud on 127.0.0.1: PGlite in a temp dir (migrated, seeded) behind the Data API-compatible
 * endpoint, fauxqs with the job queue and DLQ, the Lambda endpoint serving the bundles, and an event source
 * mapping that invokes the planner through it; `stop()` ends all of it and removes the temp dir.
 */
export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const closers: Array<() => Promise<void> | void> = [];
  const stop = async () => {
    for (const close of closers.splice(0).reverse()) await close();
  };
  try {
    const dir = mkdtempSync(join(tmpdir(), 'alex-full-'));
    closers.push(() => rmSync(dir, { recursive: true, force: true }));
    const pglite = await PGlite.create(join(dir, 'pgdata'));
    closers.push(() => pglite.close());
    const database = await openPgliteDatabase({ client: pglite });
    await database.migrate();
    await seedDatabase(database.db);
    const dataApi = await startDataApiServer({
      db: pglite,
      resourceArn: 'arn:aws:rds:us-east-1:000000000000:cluster:alex-local',
      secretArn: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:alex-local',
      database: 'alex',
    });
    closers.push(() => dataApi.close());

    const sqs = await startLocalSqs();
    closers.push(() => sqs.close());
    const sqsClient = new SQSClient(sqs.clientConfig);
    closers.push(() => sqsClient.destroy());
    const queues = await ensureJobQueues(sqsClient, {
      queueName: 'alex-analysis-jobs',
      dlqName: 'alex-analysis-jobs-dlq',
      visibilityTimeoutSeconds: options.visibilityTimeoutSeconds ?? 2,
      maxReceiveCount: MAX_RECEIVES,
    });

    const bundles = { ...options.bundles };
    for (const agent of options.broken ?? []) bundles[agent] = writeBrokenBundle(dir, agent);
    const lambda = await startLambdaEndpoint({
      functions: localFunctions(bundles, {
        dataApi,
        sqsEndpoint: sqs.endpoint,
        jobsQueueUrl: queues.queueUrl,
      }),
      ...(options.logs ? { logs: options.logs } : {}),
    });
    closers.push(() => lambda.close());
    const lambdaClient = new LambdaClient({
      region: 'us-east-1',
      endpoint: lambda.endpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
    closers.push(() => lambdaClient.destroy());

    const counts = new Map<string, number>();
    const invokePlanner = lambdaTrigger(lambdaClient, FUNCTION_NAMES.planner);
    // Like terraform's mapping: one record per invocation; one poller, so a short visibility timeout cannot
    // hand a job that is still running to a second planner.
    const mapping = await startEventSourceMapping({
      client: sqsClient,
      queueUrl: queues.queueUrl,
      handler: (event, context, callback) => {
        for (const record of event.Records)
          counts.set(record.messageId, (counts.get(record.messageId) ?? 0) + 1);
        return invokePlanner(event, context, callback);
      },
      functionName: FUNCTION_NAMES.planner,
      functionTimeoutSeconds: PLANNER_TIMEOUT_SECONDS,
      batchSize: 1,
      concurrency: 1,
      waitTimeSeconds: 1,
      ...(options.queueLogger ? { logger: options.queueLogger } : {}),
    });
    closers.push(() => mapping.stop());

    return {
      env: {
        AWS_REGION: 'us-east-1',
        ALEX_QUEUE_URL: queues.queueUrl,
        DATABASE_CLUSTER_ARN: dataApi.resourceArn,
        DATABASE_SECRET_ARN: dataApi.secretArn,
        DATABASE_NAME: dataApi.database,
        AWS_ENDPOINT_URL_RDS_DATA: dataApi.endpoint,
        AWS_ENDPOINT_URL_SQS: sqs.endpoint,
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
      },
      dlqUrl: queues.dlqUrl,
      maxReceiveCount: MAX_RECEIVES,
      deliveries: (messageId) => counts.get(messageId) ?? 0,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
