import { describe, expect, it } from 'vitest';
import { createLambdaContext, type Invocation } from '../src';
import { agentEnv, useLocalAurora } from './support/local-aurora';
import { captureStdoutLines } from './support/stdout-lines';

useLocalAurora();
const stdout = captureStdoutLines();

const invocation = (requestId: string): Invocation => ({
  awsRequestId: requestId,
  functionName: 'alex-reporter',
  functionVersion: '7',
  memoryLimitInMB: '1024',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:alex-reporter',
  getRemainingTimeInMillis: () => 60_000,
});

describe('createLambdaContext logs and metrics', () => {
  it('puts the request id of each invocation on every line, also from loggers made before it', async () => {
    const context = await createLambdaContext(agentEnv(), 'reporter');
    const component = context.logger.child({ component: 'knowledge' });

    await context.invoke(invocation('req-1'), async () => {
      context.logger.child({ jobId: 'job-1', userId: 'user-1' }).info('report stored');
      component.info('notes searched');
    });
    await context.invoke(invocation('req-2'), async () => component.info('notes searched'));

    expect(stdout.all()).toEqual([
      expect.objectContaining({
        message: 'report stored',
        function_request_id: 'req-1',
        function_name: 'alex-reporter',
        jobId: 'job-1',
        userId: 'user-1',
      }),
      expect.objectContaining({
        message: 'notes searched',
        function_request_id: 'req-1',
        component: 'knowledge',
      }),
      expect.objectContaining({
        message: 'notes searched',
        function_request_id: 'req-2',
        component: 'knowledge',
      }),
    ]);
  });

  it('logs every invocation at debug level when the sample rate is 1, and none when it is 0', async () => {
    const sampled = await createLambdaContext(agentEnv({ LOG_DEBUG_SAMPLE_RATE: '1' }), 'charter');
    const unsampled = await createLambdaContext(agentEnv(), 'charter');

    await sampled.invoke(invocation('req-3'), async () => sampled.logger.debug('chart chosen'));
    await unsampled.invoke(invocation('req-4'), async () => unsampled.logger.debug('chart chosen'));

    expect(stdout.all().filter((line) => line.message === 'chart chosen')).toEqual([
      expect.objectContaining({ function_request_id: 'req-3', level: 'DEBUG' }),
    ]);
  });

  it('publishes the metrics of an invocation in its namespace when it ends, even when the work throws', async () => {
    const context = await createLambdaContext(agentEnv({ METRICS_NAMESPACE: 'AlexTest' }), 'planner');

    await expect(
      context.invoke(invocation('req-5'), async () => {
        context.metrics.add('JobsFailed', 'Count', 1);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');

    const [document] = stdout.metrics().filter((line) => 'JobsFailed' in line);
    expect(document).toMatchObject({
      service: 'planner',
      JobsFailed: 1,
      _aws: { CloudWatchMetrics: [{ Namespace: 'AlexTest', Dimensions: [['service']] }] },
    });
  });
});
