import { setLangfuseTracerProvider } from '@langfuse/tracing';
import {
  addTraceProcessor,
  getGlobalTraceProvider,
  NoopTrace,
  setTraceProcessors,
  setTracingDisabled,
} from '@openai/agents-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configureTracing } from '../src/index';
import { recordingProcessor, runCalculator } from './support/calculator-agent';

describe('configureTracing without Langfuse keys', () => {
  beforeEach(() => {
    // The SDK turns tracing off under NODE_ENV=test; production starts with it on, so start there.
    setTracingDisabled(false);
  });

  afterEach(() => {
    setTraceProcessors([]);
    setLangfuseTracerProvider(null);
  });

  it('stops every trace processor, registered before or after, from receiving the run', async () => {
    const before = recordingProcessor();
    setTraceProcessors([before]);
    await runCalculator();
    expect(before.seen).toContain('span:function');
    before.seen.length = 0;

    const tracing = configureTracing({ langfuse: null, serviceName: 'alex_test_agent' });
    const after = recordingProcessor();
    addTraceProcessor(after);
    expect(await runCalculator()).toBe('5');

    expect(tracing.enabled).toBe(false);
    expect(before.seen).toEqual([]);
    expect(after.seen).toEqual([]);
    expect(getGlobalTraceProvider().createTrace({ name: 'probe' })).toBeInstanceOf(NoopTrace);
  });

  it('treats a key pair with an empty secret as no keys', () => {
    const tracing = configureTracing({
      langfuse: { publicKey: 'pk-lf-test', secretKey: '' },
      serviceName: 'alex_test_agent',
    });

    expect(tracing.enabled).toBe(false);
    expect(getGlobalTraceProvider().createTrace({ name: 'probe' })).toBeInstanceOf(NoopTrace);
  });

  it('has a flush that resolves without any network', async () => {
    const tracing = configureTracing({ serviceName: 'alex_test_agent' });

    await expect(tracing.flush()).resolves.toBeUndefined();
  });
});
