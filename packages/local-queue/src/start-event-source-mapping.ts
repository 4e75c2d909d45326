import { setTimeout as delay } from 'node:timers/promises';
import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { errorMessage, LocalQueueConfigError, LocalQueueError } from './errors';
import { type MappingErrorListener, processBatch, type SqsBatchHandler } from './process-batch';
import { consoleQueueLogger, type QueueLogger } from './queue-logger';
import { receiveBatch } from './receive-batch';

const MappingSettings = z
  .object({
    batchSize: z.number().int().min(1).max(10_000).default(10),
    maximumBatchingWindowMs: z.number().int().min(0).max(300_000).default(0),
    visibilityTimeoutSeconds: z.number().int().min(0).max(43_200).optional(),
    waitTimeSeconds: z.number().int().min(0).max(20).default(1),
    concurrency: z.number().int().min(1).max(1000).default(1),
    functionName: z.string().min(1).default('local-sqs-consumer'),
    functionTimeoutSeconds: z.number().int().min(1).max(900).default(900),
  })
  .refine((s) => s.batchSize <= 10 || s.maximumBatchingWindowMs >= 1000, {
    message: 'a batchSize above 10 needs a maximumBatchingWindowMs of at least 1000, as in Lambda',
    path: ['maximumBatchingWindowMs'],
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
  /** Resolves once no batch is in flight and the queue has no visible, in-flight or delayed message. */
  drained(): Promise<void>;
}

// After a failed ReceiveMessage, wait 200 ms, doubling up to 5 s, before trying again.
const backoffMs = (failures: number) => Math.min(5000, 100 * 2 ** failures);
// With waitTimeSeconds 0, an empty short poll waits this long so an idle poller does not spin.
const IDLE_PAUSE_MS = 200;

async function readQueueArn(client: SQSClient, queueUrl: string) {
  const read = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  const [, , , region, accountId] = read.Attributes?.QueueArn?.split(':') ?? [];
  const queueArn = read.Attributes?.QueueArn;
  if (!queueArn || !region || !accountId) throw new LocalQueueError(`no QueueArn for ${queueUrl}`);
  return { queueArn, region, accountId };
}

async function queueIsEmpty(client: SQSClient, queueUrl: string, signal: AbortSignal) {
  const read = await client.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: [
        'ApproximateNumberOfMessages',
        'ApproximateNumberOfMessagesNotVisible',
        'ApproximateNumberOfMessagesDelayed',
      ],
    }),
    { abortSignal: signal },
  );
  return Object.values(read.Attributes ?? {}).every((count) => count === '0');
}

/**
 * Polls an SQS queue like the Lambda SQS event source mapping with `FunctionResponseTypes:
 * ['ReportBatchItemFailures']`, invoking `handler` with Lambda-shaped events; resolves once the queue's ARN
 * is known and polling has started.
 */
export async function startEventSourceMapping(
  options: EventSourceMappingOptions,
): Promise<EventSourceMapping> {
  const parsed = MappingSettings.safeParse(options);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new LocalQueueConfigError(`invalid event source mapping options: ${issues}`);
  }
  const settings = parsed.data;
  const { client, queueUrl, handler, onError } = options;
  const logger = options.logger ?? consoleQueueLogger;
  const { queueArn, region, accountId } = await readQueueArn(client, queueUrl);
  const controller = new AbortController();
  const { signal } = controller;
  const drainWaiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  let inFlight = 0;

  const report: MappingErrorListener = (error, info) => {
    const attributes = { ...info, error: errorMessage(error) };
    if (info.stage === 'handler' || info.stage === 'response') logger.warn('SQS batch failed', attributes);
    else logger.error(`SQS event source mapping ${info.stage} error`, attributes);
    onError?.(error, info);
  };
  const deps = {
    client,
    queueUrl,
    handler,
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
  const pause = (ms: number) => delay(ms, undefined, { signal }).catch(() => {});

  async function resolveDrainWaiters() {
    if (drainWaiters.length === 0 || inFlight > 0) return;
    try {
      if (!(await queueIsEmpty(client, queueUrl, signal)) || inFlight > 0) return;
    } catch (error) {
      if (!signal.aborted) report(error, { stage: 'drain', messageIds: [] });
      return;
    }
    for (const waiter of drainWaiters.splice(0)) waiter.resolve();
  }

  async function poll() {
    let failures = 0;
    while (!signal.aborted) {
      let messages: Awaited<ReturnType<typeof receiveBatch>>;
      try {
        messages = await receiveBatch({ client, queueUrl, signal, ...settings });
        failures = 0;
      } catch (error) {
        if (signal.aborted) break;
        report(error, { stage: 'receive', messageIds: [] });
        failures += 1;
        await pause(backoffMs(failures));
        continue;
      }
      if (messages.length === 0) {
        await resolveDrainWaiters();
        if (settings.waitTimeSeconds === 0) await pause(IDLE_PAUSE_MS);
        continue;
      }
      inFlight += 1;
      try {
        await processBatch(messages, deps);
      } finally {
        inFlight -= 1;
      }
      await resolveDrainWaiters();
    }
  }

  const pollers = Array.from({ length: settings.concurrency }, () =>
    poll().catch((error: unknown) => report(error, { stage: 'receive', messageIds: [] })),
  );
  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopped ??= (async () => {
        controller.abort();
        await Promise.all(pollers);
        const error = new LocalQueueError('the event source mapping stopped before the queue drained');
        for (const waiter of drainWaiters.splice(0)) waiter.reject(error);
      })();
      return stopped;
    },
    drained() {
      if (signal.aborted) return Promise.reject(new LocalQueueError('the event source mapping is stopped'));
      const drained = new Promise<void>((resolve, reject) => drainWaiters.push({ resolve, reject }));
      // Checked now too, so an idle poller inside a long poll does not delay the answer.
      void resolveDrainWaiters();
      return drained;
    },
  };
}
