import { afterEach, describe, expect, it, vi } from 'vitest';
import { type LambdaLogContext, lambdaLogger } from '../src';
import { jsonLinesWritten } from './support/json-output';

afterEach(() => vi.restoreAllMocks());

const context = (requestId: string) =>
  ({
    awsRequestId: requestId,
    functionName: 'alex-api',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:alex-api',
    memoryLimitInMB: '512',
    getRemainingTimeInMillis: () => 29_000,
  }) as unknown as LambdaLogContext;

describe('lambdaLogger', () => {
  it('writes JSON lines with the Lambda request id of the current invocation and the attributes given', () => {
    const { logger, startInvocation } = lambdaLogger('api', { level: 'info', debugSampleRate: 0 });
    const lines = jsonLinesWritten(() => {
      startInvocation(context('req-a'));
      logger.info('analysis job queued', { jobId: 'job-1', userId: 'user_1' });
      startInvocation(context('req-b'));
      logger.debug('not shown at info');
      logger.info('analysis job queued', { jobId: 'job-2', userId: 'user_2' });
    });
    expect(lines).toEqual([
      expect.objectContaining({
        service: 'api',
        function_request_id: 'req-a',
        jobId: 'job-1',
        userId: 'user_1',
      }),
      expect.objectContaining({
        service: 'api',
        function_request_id: 'req-b',
        jobId: 'job-2',
        userId: 'user_2',
      }),
    ]);
  });

  it('logs debug lines when every invocation is sampled', () => {
    const { logger, startInvocation } = lambdaLogger('api', { level: 'warn', debugSampleRate: 1 });
    const lines = jsonLinesWritten(() => {
      startInvocation(undefined);
      logger.debug('token verified');
    });
    expect(lines).toEqual([expect.objectContaining({ level: 'DEBUG', message: 'token verified' })]);
  });
});
