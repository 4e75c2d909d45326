import { setTimeout as delay } from 'node:timers/promises';
import { errorMessage, formatIssues } from '@alex/errors';
import { GetQueueAttributesCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import { z } from 'zod';
import { LocalQueueConfigError, LocalQueueError } from './errors';
import {
  type BatchDependencies,
  type MappingErrorListener,
  processBatch,
  type SqsBatchHandler,
} from './process-batch';
import { consoleQueueLogger, type QueueLogger } from './queue-logger';
import { type RecordSource, toSqsRecord } from './to-sqs-record';

const MappingSettings = z.object({
  batchSize: z.number().int().min(1).max(10).default(10),
  waitTimeSeconds: z.number().int().min(1).max(20).default(1),
  concurrency: z.number().int().min(1).max(1000).default(1),
  functionName: z.string().min(1).default('local-sqs-consumer'),
  functionTimeoutSeconds: z.number().int().min(1).max(900).default(900),
});

/** Options for {@link startEventSourceMapping}; the numbers mirror the Lambda event source mapping's. */
export interface EventSourceMappingOptions extends z.input<typeof MappingSettings> {
  client: SQSClient;
  queueUrl: string;
  handler: SqsBatchHandler;
  onError?: MappingErrorListener;
  logger?: QueueLogger;
}

/** A running poller. */
export interface EventSourceMapping {
  /** Stops polling, lets the batch in flight finish (handler and deletes) and resolves when all is idle. */
  stop(): Promise<void>;
}

// After a failed ReceiveMessage, wait 200 ms, doubling up to 5 s, before trying again.
const backoffMs = (failures: number) => Math.min(5000, 100 * 2 ** failures);

async function readSource(
  client: SQSClient,
  queueUrl: string,
): Promise<RecordSource & { accountId: string }> {
  const read = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  const queueArn = read.Attributes?.QueueArn;
  const [, , , region, accountId] = queueArn?.split(':') ?? [];
  if (!queueArn || !region || !accountId) throw new LocalQueueError(`no QueueArn for ${queueUrl}`);
  return { queueArn, region, accountId };
}

/** One long poll for up to `batchSize` messages, as records; the signal aborts it. */
async function receiveRecords(
  deps: BatchDependencies,
  settings: z.output<typeof MappingSettings>,
  signal: AbortSignal,
): Promise<SQSRecord[]> {
  const received = await deps.client.send(
    new ReceiveMessageCommand({
      QueueUrl: deps.queueUrl,
      MaxNumberOfMessages: settings.batchSize,
      WaitTimeSeconds: settings.waitTimeSeconds,
      MessageSystemAttributeNames: ['All'],
    }),
    { abortSignal: signal },
  );
  return (received.Messages ?? []).map((message) => toSqsRecord(message, deps.source));
}

/**
 * Polls an SQS queue with `concurrency` pollers, like the Lambda SQS event source mapping with `FunctionResponseTypes:
 * ['ReportBatchItemFailures']`, invoking `handler` with Lambda-shaped events; resolves once the queue's ARN
 * is known and polling has started.
 */
export async function startEventSourceMapping(
  options: EventSourceMappingOptions,
): Promise<EventSourceMapping> {
  const parsed = MappingSettings.safeParse(options);
  if (!parsed.success) {
    throw new LocalQueueConfigError(`invalid event source mapping options: ${formatIssues(parsed.error)}`);
  }
  const settings = parsed.data;
  const logger = options.logger ?? consoleQueueLogger;
  const { queueArn, region, accountId } = await readSource(options.client, options.queueUrl);
  const controller = new AbortController();
  const { signal } = controller;
  const report: MappingErrorListener = (error, info) => {
    const attributes = { ...info, error: errorMessage(error) };
    if (info.stage === 'handler' || info.stage === 'response') logger.warn('SQS batch failed', attributes);
    else logger.error(`SQS event source mapping ${info.stage} error`, attributes);
    options.onError?.(error, info);
  };
  const deps: BatchDependencies = {
    client: options.client,
    queueUrl: options.queueUrl,
    handler: options.handler,
    source: { queueArn, region },
    functionInfo: {
      functionName: settings.functionName,
      region,
      accountId,
      timeoutMs: settings.functionTimeoutSeconds * 1000,
    },
    logger,
    report,
  };

  async function poll() {
    for (let failures = 0; !signal.aborted; ) {
      let records: SQSRecord[];
      try {
        records = await receiveRecords(deps, settings, signal);
        failures = 0;
      } catch (error) {
        if (signal.aborted) break;
        report(error, { stage: 'receive', messageIds: [] });
        failures += 1;
        await delay(backoffMs(failures), undefined, { signal }).catch(() => {});
        continue;
      }
      if (records.length > 0) await processBatch(records, deps);
    }
  }

  const pollers = Array.from({ length: settings.concurrency }, () => poll());
  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopped ??= (async () => {
        controller.abort();
        await Promise.all(pollers);
      })();
      return stopped;
    },
  };
}
