import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JOB_QUEUE } from '@alex/contracts';
import { seedDatabase } from '@alex/database';
import { openPgliteDatabase } from '@alex/database/pglite';
import { startDataApiServer } from '@alex/local-data-api';
import { type LogDestination, startLambdaEndpoint } from '@alex/local-lambda';
import type { QueueLogger } from '@alex/local-sqs';
import { startLocalJobQueue } from '@alex/local-stack';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { PGlite } from '@electric-sql/pglite';
import type { AgentBundles } from './ensure-bundles';
import type { BreakableAgent } from './job-expectation';
import { lambdaTrigger } from './lambda-trigger';
import { startLocalApi } from './local-api';
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
  /** AWS_REGION, ALEX_QUEUE_URL, ALEX_API_URL/TOKEN, DATABASE_*, AWS_ENDPOINT_URL_RDS_DATA/SQS, dummy keys. */
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

    const counts = new Map<string, number>();
    let invokePlanner: ReturnType<typeof lambdaTrigger> | null = null;
    // Like terraform's mapping: one record per invocation (JOB_QUEUE.batch_size); one poller, so a short
    // visibility timeout cannot hand a job that is still running to a second planner.
    const jobs = await startLocalJobQueue({
      deliver: (event, context, callback) => {
        for (const record of event.Records)
          counts.set(record.messageId, (counts.get(record.messageId) ?? 0) + 1);
        if (!invokePlanner) throw new Error('the planner function is not running yet');
        return invokePlanner(event, context, callback);
      },
      visibilityTimeoutSeconds: options.visibilityTimeoutSeconds ?? 2,
      concurrency: 1,
      functionName: FUNCTION_NAMES.planner,
      functionTimeoutSeconds: PLANNER_TIMEOUT_SECONDS,
      ...(options.queueLogger ? { logger: options.queueLogger } : {}),
    });
    closers.push(() => jobs.stop());

    const bundles = { ...options.bundles };
    for (const agent of options.broken ?? []) bundles[agent] = writeBrokenBundle(dir, agent);
    const lambda = await startLambdaEndpoint({
      functions: localFunctions(bundles, {
        dataApi,
        sqsEndpoint: jobs.endpoint,
        jobsQueueUrl: jobs.queueUrl,
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
    invokePlanner = lambdaTrigger(lambdaClient, FUNCTION_NAMES.planner);
    const api = await startLocalApi({ dataApi, queue: jobs.queue, keyDir: dir });
    closers.push(() => api.close());

    return {
      env: {
        AWS_REGION: 'us-east-1',
        ALEX_QUEUE_URL: jobs.queueUrl,
        DATABASE_CLUSTER_ARN: dataApi.resourceArn,
        DATABASE_SECRET_ARN: dataApi.secretArn,
        DATABASE_NAME: dataApi.database,
        AWS_ENDPOINT_URL_RDS_DATA: dataApi.endpoint,
        AWS_ENDPOINT_URL_SQS: jobs.endpoint,
        // The job is submitted through the HTTP API, as the frontend does.
        ALEX_API_URL: api.url,
        ALEX_API_TOKEN: api.token,
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
      },
      dlqUrl: jobs.dlqUrl,
      maxReceiveCount: JOB_QUEUE.max_receive_count,
      deliveries: (messageId) => counts.get(messageId) ?? 0,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
