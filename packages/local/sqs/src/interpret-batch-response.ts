import { formatIssues } from '@alex/errors';
import { z } from 'zod';

/** One entry of a partial batch response: the `messageId` of a record that failed. */
const BatchItemFailure = z.object({ itemIdentifier: z.string().min(1) });

/** A handler's response under `ReportBatchItemFailures`; a missing or null list means complete success. */
const BatchResponse = z.object({ batchItemFailures: z.array(BatchItemFailure).nullish() });

/** What the event source mapping does with a batch after the handler returned. */
export type BatchOutcome =
  | { kind: 'success' }
  | { kind: 'partial'; failedMessageIds: string[] }
  | { kind: 'failure'; reason: string };

function toJson(result: unknown): { ok: true; value: unknown } | { ok: false } {
  // Lambda sees the JSON the runtime serialised, so e.g. an object with toJSON is judged by its output.
  try {
    const text = JSON.stringify(result);
    return { ok: true, value: text === undefined ? null : JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * Applies Lambda's success and failure conditions for SQS partial batch responses: null, `{}`, an empty or
 * null `batchItemFailures` list is complete success; invalid JSON, an empty, null or misnamed
 * `itemIdentifier`, or an id that is not in the batch is complete failure. A response that is JSON but not an
 * object (a string, number or array) is also treated as complete failure, which loses no message.
 */
export function interpretBatchResponse(result: unknown, batchMessageIds: readonly string[]): BatchOutcome {
  const json = toJson(result);
  if (!json.ok) return { kind: 'failure', reason: 'the response is not valid JSON' };
  if (json.value === null) return { kind: 'success' };
  if (typeof json.value !== 'object' || Array.isArray(json.value)) {
    return { kind: 'failure', reason: 'the response is not a JSON object' };
  }
  const parsed = BatchResponse.safeParse(json.value);
  if (!parsed.success) {
    return { kind: 'failure', reason: `invalid batchItemFailures (${formatIssues(parsed.error)})` };
  }
  const failures = parsed.data.batchItemFailures ?? [];
  if (failures.length === 0) return { kind: 'success' };
  const known = new Set(batchMessageIds);
  const unknown = failures.find((f) => !known.has(f.itemIdentifier));
  if (unknown) {
    return {
      kind: 'failure',
      reason: `itemIdentifier ${unknown.itemIdentifier} is not a messageId of the batch`,
    };
  }
  return { kind: 'partial', failedMessageIds: [...new Set(failures.map((f) => f.itemIdentifier))] };
}
