import { describe, expect, it } from 'vitest';
import { type TracingHandle, withTracingFlush } from '../src/index';

function recordingHandle(steps: string[]): TracingHandle {
  return {
    enabled: true,
    flush: async () => {
      await Promise.resolve();
      steps.push('flushed');
    },
  };
}

describe('withTracingFlush', () => {
  it('flushes before returning the handler result', async () => {
    const steps: string[] = [];
    const handler = withTracingFlush(recordingHandle(steps), async (event: { n: number }) => {
      steps.push('handled');
      return event.n * 2;
    });

    const result = await handler({ n: 21 });
    steps.push('returned');

    expect(result).toBe(42);
    expect(steps).toEqual(['handled', 'flushed', 'returned']);
  });

  it('flushes when the handler throws and rethrows the handler error', async () => {
    const steps: string[] = [];
    const failure = new Error('agent failed');
    const handler = withTracingFlush(recordingHandle(steps), async (_event: unknown) => {
      throw failure;
    });

    await expect(handler({})).rejects.toBe(failure);

    expect(steps).toEqual(['flushed']);
  });

  it('passes the Lambda context through to the handler', async () => {
    const handler = withTracingFlush(
      recordingHandle([]),
      async (_event: unknown, context: { requestId: string }) => context.requestId,
    );

    await expect(handler({}, { requestId: 'req-1' })).resolves.toBe('req-1');
  });
});
