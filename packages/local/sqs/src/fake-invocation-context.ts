import { randomBytes, randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { LocalQueueError } from './errors';

/** The function the event source mapping pretends to invoke. */
export interface FakeFunctionInfo {
  functionName: string;
  region: string;
  accountId: string;
  timeoutMs: number;
}

function unsupported(): never {
  throw new LocalQueueError('callback-style completion (done/fail/succeed) is not supported locally');
}

/**
 * The Lambda `Context` the event source mapping hands a handler it calls in process: a fresh request id and a
 * deadline `timeoutMs` from now. Not the agents' dependency context (`@alex/lambda-context`).
 */
export function fakeInvocationContext(info: FakeFunctionInfo, now: () => number = Date.now): Context {
  const deadline = now() + info.timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: info.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${info.region}:${info.accountId}:function:${info.functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${info.functionName}`,
    logStreamName: `local/[$LATEST]${randomBytes(16).toString('hex')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
