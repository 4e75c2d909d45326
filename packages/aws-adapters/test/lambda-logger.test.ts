import { afterEach, describe, expect, it, vi } from 'vitest';
import { type LambdaLogContext, lambdaLogger } from '../src';

afterEach(() => vi.restoreAllMocks());

/** The JSON lines written to stdout while `run` executes. */
function stdoutLines(run: () => void): Record<string, unknown>[] {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  run();
  vi.restoreAllMocks();
  return chunks.flatMap((chunk) => chunk.split('\n').filter(Boolean)).map((line) => JSON.parse(line));
}

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
    const lines = stdoutLines(() => {
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
    const lines = stdoutLines(() => {
      startInvocation(undefined);
      logger.debug('token verified');
    });
    expect(lines).toEqual([expect.objectContaining({ level: 'DEBUG', message: 'token verified' })]);
  });
});
