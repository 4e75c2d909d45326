import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiLogger } from '../src/lambda-deps';

afterEach(() => vi.restoreAllMocks());

describe('apiLogger', () => {
  it('writes JSON lines with the Lambda request id of the current request and the attributes given', () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const { powertools, logger } = apiLogger({ LOG_LEVEL: 'info', LOG_DEBUG_SAMPLE_RATE: 0 });
    const context = (requestId: string) =>
      ({
        awsRequestId: requestId,
        functionName: 'alex-api',
        functionVersion: '$LATEST',
        invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:alex-api',
        memoryLimitInMB: '512',
        getRemainingTimeInMillis: () => 29_000,
      }) as unknown as Parameters<typeof powertools.addContext>[0];

    powertools.addContext(context('req-a'));
    logger.info('analysis job queued', { jobId: 'job-1', userId: 'user_1' });
    powertools.addContext(context('req-b'));
    logger.debug('not shown at info');
    logger.info('analysis job queued', { jobId: 'job-2', userId: 'user_2' });
    vi.restoreAllMocks();

    const parsed = lines
      .flatMap((chunk) => chunk.split('\n').filter(Boolean))
      .map((line) => JSON.parse(line));
    expect(parsed).toEqual([
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

  it('logs debug lines when every request is sampled', () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const { powertools, logger } = apiLogger({ LOG_LEVEL: 'warn', LOG_DEBUG_SAMPLE_RATE: 1 });
    powertools.refreshSampleRateCalculation();
    logger.debug('token verified');
    vi.restoreAllMocks();
    expect(lines.join('')).toContain('"message":"token verified"');
  });
});
