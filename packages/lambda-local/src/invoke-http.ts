import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LambdaServiceError } from './errors';
import type { InvocationResult } from './worker-process';

/** Lambda's synchronous payload limit, for the request and the response. */
export const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
/** Reads the request body, refusing more than Lambda accepts (413 RequestTooLargeException). */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_PAYLOAD_BYTES) {
      throw new LambdaServiceError(
        413,
        'RequestTooLargeException',
        `Request must be smaller than ${MAX_PAYLOAD_BYTES} bytes for the InvokeFunction operation`,
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The event as JSON text: an empty body is `{}`; anything that is not JSON is refused as Lambda does. */
export function readEvent(body: Buffer): string {
  const text = body.length === 0 ? '{}' : body.toString('utf8');
  try {
    JSON.parse(text);
  } catch (error) {
    throw new LambdaServiceError(
      400,
      'InvalidRequestContentException',
      `Could not parse request body into json: ${(error as Error).message}`,
    );
  }
  return text;
}

/** Decodes `X-Amz-Client-Context` (base64 JSON) for the context's `clientContext`. */
export function readClientContext(header: string | undefined): unknown {
  if (!header) return undefined;
  try {
    return JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
  } catch {
    throw new LambdaServiceError(
      400,
      'InvalidRequestContentException',
      'Client context must be a valid Base64-encoded JSON object.',
    );
  }
}

/** Writes an invocation's 200 response: the payload, `X-Amz-Function-Error` and the log tail. */
export function sendResult(
  response: ServerResponse,
  requestId: string,
  result: InvocationResult,
  tail: boolean,
) {
  let { payload, functionError } = result;
  const size = Buffer.byteLength(payload);
  if (size > MAX_PAYLOAD_BYTES) {
    const errorMessage = `Response payload size (${size} bytes) exceeded maximum allowed payload size (${MAX_PAYLOAD_BYTES} bytes).`;
    payload = JSON.stringify({ errorMessage, errorType: 'Function.ResponseSizeTooLarge' });
    functionError = 'Unhandled';
  }
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-amzn-requestid': requestId,
    'x-amz-executed-version': '$LATEST',
  };
  if (functionError) headers['x-amz-function-error'] = functionError;
  // LogType Tail: the last 4 KB of the invocation's log, base64-encoded.
  if (tail)
    headers['x-amz-log-result'] = Buffer.from(result.logs.join('\n')).subarray(-4096).toString('base64');
  response.writeHead(200, headers).end(payload);
}

/** Writes an API error the REST-JSON way: `x-amzn-ErrorType` and a `{Type, Message}` body. */
export function sendServiceError(response: ServerResponse, error: LambdaServiceError): void {
  response
    .writeHead(error.status, {
      'content-type': 'application/json',
      'x-amzn-requestid': randomUUID(),
      'x-amzn-errortype': error.errorType,
    })
    .end(JSON.stringify(error.body));
}
