import { errorMessage } from '@alex/errors';
import { DeleteMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Callback, Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { LocalQueueError } from './errors';
import { type FakeFunctionInfo, fakeInvocationContext } from './fake-invocation-context';
import { type BatchOutcome, interpretBatchResponse } from './interpret-batch-response';
import type { QueueLogger } from './queue-logger';
import type { RecordSource } from './to-sqs-record';

/**
 * A function the event source mapping invokes with one batch; its (awaited) result is the batch response.
 * No callback is passed (the parameter exists so a handler may forward one): callback-style completion is
 * not supported.
 */
export type SqsBatchHandler = (event: SQSEvent, context: Context, callback?: Callback) => unknown;

/** Where a failure happened: receiving, in the handler, in its response, or deleting. */
export type MappingErrorStage = 'receive' | 'handler' | 'response' | 'delete';

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
  functionInfo: FakeFunctionInfo;
  logger: QueueLogger;
  report: MappingErrorListener;
}

async function invoke(records: SQSRecord[], deps: BatchDependencies): Promise<BatchOutcome> {
  const context = fakeInvocationContext(deps.functionInfo);
  const ids = records.map((r) => r.messageId);
  try {
    const result = await deps.handler({ Records: records }, context);
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
  for (const record of records) {
    try {
      await deps.client.send(
        new DeleteMessageCommand({ QueueUrl: deps.queueUrl, ReceiptHandle: record.receiptHandle }),
      );
    } catch (error) {
      deps.report(error, { stage: 'delete', messageIds: [record.messageId] });
    }
  }
}

/**
 * Invokes the handler with one Lambda-shaped SQS event and applies `ReportBatchItemFailures`: deletes every
 * record on success, every record but the reported ones on a partial response, and none on failure (the
 * messages reappear after their visibility timeout, and SQS moves them to the DLQ after `maxReceiveCount`).
 */
export async function processBatch(records: SQSRecord[], deps: BatchDependencies): Promise<BatchOutcome> {
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
