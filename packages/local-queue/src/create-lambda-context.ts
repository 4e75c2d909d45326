import { randomBytes, randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { LocalQueueError } from './errors';

/** The function a local invocation pretends to be. */
export interface LambdaFunctionInfo {
  functionName: string;
  region: string;
  accountId: string;
  timeoutMs: number;
  memoryLimitInMB?: number;
}

function unsupported(): never {
  throw new LocalQueueError('callback-style completion (done/fail/succeed) is not supported locally');
}

/** A Lambda `Context` for one invocation: a fresh request id and a deadline `timeoutMs` from now. */
export function createLambdaContext(info: LambdaFunctionInfo, now: () => number = Date.now): Context {
  const deadline = now() + info.timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: info.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${info.region}:${info.accountId}:function:${info.functionName}`,
    memoryLimitInMB: String(info.memoryLimitInMB ?? 1024),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${info.functionName}`,
    logStreamName: `local/[$LATEST]${randomBytes(16).toString('hex')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
