import { InvokeCommand, LambdaClient, TooManyRequestsException } from '@aws-sdk/client-lambda';
import { Uint8ArrayBlobAdapter } from '@smithy/core/serde';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { lambdaInvoker } from '../src';

const lambda = mockClient(LambdaClient);
afterEach(() => lambda.reset());

const functionNames = { reporter: 'alex-reporter', charter: 'alex-charter' };
const invoker = () =>
  lambdaInvoker({ client: new LambdaClient({ region: 'us-east-1' }), functionNames, timeoutMs: 310_000 });
const payload = (text: string) => Uint8ArrayBlobAdapter.fromString(text);

describe('lambdaInvoker', () => {
  it('sends a RequestResponse invoke with the JSON event and returns the parsed payload', async () => {
    lambda
      .on(InvokeCommand)
      .resolves({ StatusCode: 200, Payload: payload('{"ok":true,"agent":"reporter"}') });

    const outcome = await invoker().invoke('reporter', { job_id: 'j-1' });

    expect(outcome).toEqual({ ok: true, payload: { ok: true, agent: 'reporter' } });
    const input = lambda.commandCalls(InvokeCommand)[0]?.args[0].input;
    expect(input?.FunctionName).toBe('alex-reporter');
    expect(input?.InvocationType).toBe('RequestResponse');
    expect(new TextDecoder().decode(input?.Payload as Uint8Array)).toBe('{"job_id":"j-1"}');
  });

  it('reports a timed-out callee (Unhandled function error) with its message and no stack', async () => {
    lambda.on(InvokeCommand).resolves({
      StatusCode: 200,
      FunctionError: 'Unhandled',
      Payload: payload('{"errorMessage":"2026-01-01T00:00:00.000Z abc Task timed out after 300.00 seconds"}'),
    });

    const outcome = await invoker().invoke('charter', { job_id: 'j-1' });

    expect(outcome).toEqual({
      ok: false,
      error: 'charter failed: Unhandled: 2026-01-01T00:00:00.000Z abc Task timed out after 300.00 seconds',
    });
  });

  it('reports a thrown handler error as errorType and errorMessage, dropping the trace', async () => {
    const body = {
      errorType: 'InvalidEventError',
      errorMessage: 'job_id missing',
      trace: ['at handler (index.mjs:1:1)'],
    };
    lambda
      .on(InvokeCommand)
      .resolves({ StatusCode: 200, FunctionError: 'Unhandled', Payload: payload(JSON.stringify(body)) });

    const outcome = await invoker().invoke('reporter', {});

    expect(outcome).toEqual({ ok: false, error: 'reporter failed: InvalidEventError: job_id missing' });
  });

  it('fails when the payload is not JSON', async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 200, Payload: payload('200 SUCCESS') });

    const outcome = await invoker().invoke('reporter', {});

    expect(outcome).toEqual({ ok: false, error: 'reporter returned a payload that is not JSON' });
  });

  it('reads an empty payload as null', async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 200, Payload: payload('null') });

    expect(await invoker().invoke('reporter', {})).toEqual({ ok: true, payload: null });
  });

  it('turns an SDK error into a short failure', async () => {
    lambda.on(InvokeCommand).rejects(
      new TooManyRequestsException({
        message: 'Rate Exceeded.',
        $metadata: {},
        Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
      }),
    );

    const outcome = await invoker().invoke('reporter', {});

    expect(outcome).toEqual({
      ok: false,
      error: 'reporter invoke failed: TooManyRequestsException: Rate Exceeded.',
    });
  });

  it('fails without calling Lambda when the agent has no function name', async () => {
    const outcome = await invoker().invoke('retirement', {});

    expect(outcome).toEqual({ ok: false, error: 'no Lambda function configured for retirement' });
    expect(lambda.commandCalls(InvokeCommand)).toHaveLength(0);
  });
});
