import { DeleteMessageBatchCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import type { Callback, Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { createLambdaContext, type LambdaFunctionInfo } from './create-lambda-context';
import { errorMessage, LocalQueueError } from './errors';
import { type BatchOutcome, interpretBatchResponse } from './interpret-batch-response';
import type { QueueLogger } from './queue-logger';
import { type RecordSource, toSqsRecord } from './to-sqs-record';

/**
 * A function the event source mapping invokes, as Lambda's Node.js runtime would: an `SQSHandler` from
 * `aws-lambda` fits; a returned promise is awaited, and a handler declaring a third parameter that does not
 * return a promise is awaited through its callback.
 */
export type SqsBatchHandler = (event: SQSEvent, context: Context, callback: Callback) => unknown;

/** Where a failure happened: receiving, in the handler, in its response, deleting, or checking for drain. */
export type MappingErrorStage = 'receive' | 'handler' | 'response' | 'delete' | 'drain';

/** Called with every failure the mapping sees, with the stage and the message ids concerned. */
export type MappingErrorListener = (
  error: unknown,
  info: { stage: MappingErrorStage; messageIds: string[] },
) => void;

/** What processing one batch needs. */
export interface BatchDependencies {
  client: SQSClient;
  queueUrl: string;
  handler: SqsBatchHandler;
  source: RecordSource;
  functionInfo: LambdaFunctionInfo;
  logger: QueueLogger;
  report: MappingErrorListener;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

function callHandler(handler: SqsBatchHandler, event: SQSEvent, context: Context): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const callback: Callback = (error, result) => (error ? reject(error) : resolve(result));
    const returned = handler(event, context, callback);
    if (isThenable(returned)) returned.then(resolve, reject);
    else if (handler.length < 3) resolve(returned);
  });
}

async function invoke(records: SQSRecord[], deps: BatchDependencies): Promise<BatchOutcome> {
  const context = createLambdaContext(deps.functionInfo);
  const ids = records.map((r) => r.messageId);
  try {
    const result = await callHandler(deps.handler, { Records: records }, context);
    // Lambda would have stopped a handler at its timeout, failing the whole batch; here it ran to the end.
    if (context.getRemainingTimeInMillis() === 0) {
      const reason = `Task timed out after ${deps.functionInfo.timeoutMs / 1000} seconds`;
      deps.report(new LocalQueueError(reason), { stage: 'handler', messageIds: ids });
      return { kind: 'failure', reason };
    }
    const outcome = interpretBatchResponse(result, ids);
    if (outcome.kind === 'failure') {
      deps.report(new LocalQueueError(outcome.reason), { stage: 'response', messageIds: ids });
    }
    return outcome;
  } catch (error) {
    deps.report(error, { stage: 'handler', messageIds: ids });
    return { kind: 'failure', reason: `the handler threw: ${errorMessage(error)}` };
  }
}

async function deleteRecords(records: SQSRecord[], deps: BatchDependencies): Promise<void> {
  for (let start = 0; start < records.length; start += 10) {
    const chunk = records.slice(start, start + 10);
    const ids = chunk.map((r) => r.messageId);
    try {
      const result = await deps.client.send(
        new DeleteMessageBatchCommand({
          QueueUrl: deps.queueUrl,
          Entries: chunk.map((r, i) => ({ Id: String(i), ReceiptHandle: r.receiptHandle })),
        }),
      );
      for (const failed of result.Failed ?? []) {
        const record = chunk[Number(failed.Id)];
        const error = new LocalQueueError(
          `DeleteMessage failed: ${failed.Code} ${failed.Message ?? ''}`.trim(),
        );
        deps.report(error, { stage: 'delete', messageIds: record ? [record.messageId] : [] });
      }
    } catch (error) {
      deps.report(error, { stage: 'delete', messageIds: ids });
    }
  }
}

/**
 * Invokes the handler with one Lambda-shaped SQS event and applies `ReportBatchItemFailures`: deletes every
 * record on success, every record but the reported ones on a partial response, and none on failure (the
 * messages reappear after their visibility timeout, and SQS moves them to the DLQ after `maxReceiveCount`).
 */
export async function processBatch(messages: Message[], deps: BatchDependencies): Promise<BatchOutcome> {
  let records: SQSRecord[];
  try {
    records = messages.map((m) => toSqsRecord(m, deps.source));
  } catch (error) {
    const ids = messages.flatMap((m) => (m.MessageId ? [m.MessageId] : []));
    deps.report(error, { stage: 'receive', messageIds: ids });
    return { kind: 'failure', reason: errorMessage(error) };
  }
  const outcome = await invoke(records, deps);
  const failed = new Set(outcome.kind === 'partial' ? outcome.failedMessageIds : []);
  const toDelete = outcome.kind === 'failure' ? [] : records.filter((r) => !failed.has(r.messageId));
  await deleteRecords(toDelete, deps);
  deps.logger.info('processed SQS batch', {
    outcome: outcome.kind,
    size: records.length,
    deleted: toDelete.length,
    ...(outcome.kind === 'partial' ? { failedMessageIds: outcome.failedMessageIds } : {}),
    ...(outcome.kind === 'failure' ? { reason: outcome.reason } : {}),
  });
  return outcome;
}
