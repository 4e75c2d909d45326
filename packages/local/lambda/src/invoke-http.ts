import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LambdaServiceError } from './errors';
import type { InvocationResult } from './worker-process';

/** Reads the request body as text (the invocation's event, JSON). */
export async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Writes an invocation's 200 response: the payload and, for a function error, `X-Amz-Function-Error`. */
export function sendResult(response: ServerResponse, requestId: string, result: InvocationResult): void {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-amzn-requestid': requestId,
    'x-amz-executed-version': '$LATEST',
  };
  if (result.functionError) headers['x-amz-function-error'] = result.functionError;
  response.writeHead(200, headers).end(result.payload);
}

/** Writes an API error the REST-JSON way: `x-amzn-ErrorType` and a `{Type, Message}` body. */
export function sendServiceError(response: ServerResponse, error: LambdaServiceError): void {
  response
    .writeHead(error.status, {
      'content-type': 'application/json',
      'x-amzn-requestid': randomUUID(),
      'x-amzn-errortype': error.errorType,
    })
    .end(JSON.stringify({ Type: error.status >= 500 ? 'Service' : 'User', Message: error.message }));
}
