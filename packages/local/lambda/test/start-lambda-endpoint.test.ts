import { InvalidParameterValueException, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payloadOf, processExists, startFixtureEndpoint } from './support/local-lambda';

type Local = Awaited<ReturnType<typeof startFixtureEndpoint>>;
let local: Local;

beforeAll(async () => {
  local = await startFixtureEndpoint({
    echo: {
      env: (endpoint) => ({ GREETING: 'hello', AWS_REGION: 'eu-west-1', AWS_ENDPOINT_URL_LAMBDA: endpoint }),
    },
    throws: {},
    sleeps: { timeoutSeconds: 1 },
    crashes: {},
    'no-handler': {},
    'fails-init': {},
    'slow-init': { timeoutSeconds: 1 },
  });
});
afterAll(() => local.stop());

/** Invokes a function that must fail and returns its error payload (a 200 with X-Amz-Function-Error). */
async function functionError(name: string, event: unknown = {}): Promise<unknown> {
  const output = await local.invoke(name, event);
  expect([output.StatusCode, output.FunctionError]).toEqual([200, 'Unhandled']);
  return payloadOf(output);
}

interface EchoPayload {
  event: unknown;
  pid: number;
  startedAt: number;
  requestId: string;
  functionName: string;
  remainingMs: number;
  env: Record<string, string | null>;
}

describe('startLambdaEndpoint with the real LambdaClient', () => {
  it("returns the handler's JSON, run with the function's environment and not the parent's", async () => {
    const output = await local.invoke('echo', { hello: 'world' });
    expect(output.StatusCode).toBe(200);
    expect(output.FunctionError).toBeUndefined();
    expect(output.ExecutedVersion).toBe('$LATEST');
    const payload = payloadOf(output) as EchoPayload;
    expect(payload).toMatchObject({
      event: { hello: 'world' },
      functionName: 'echo',
      invokedFunctionArn: 'arn:aws:lambda:eu-west-1:000000000000:function:echo',
      memoryLimitInMB: '1024',
    });
    expect(payload.env).toEqual({
      GREETING: 'hello',
      AWS_LAMBDA_FUNCTION_NAME: 'echo',
      AWS_REGION: 'eu-west-1',
      TZ: 'UTC',
      VITEST: null,
      AWS_ENDPOINT_URL_LAMBDA: local.endpoint.endpoint,
    });
    expect(payload.remainingMs).toBeGreaterThan(0);
    expect(payload.remainingMs).toBeLessThanOrEqual(5000);
  });

  it('answers null for a handler that returns nothing', async () => {
    const output = await local.invoke('echo', { returnNothing: true });
    expect([output.StatusCode, output.FunctionError]).toEqual([200, undefined]);
    expect(payloadOf(output)).toBeNull();
  });

  it('reuses the warm process for the next invocation, with a new request id', async () => {
    const first = payloadOf(await local.invoke('echo', {})) as EchoPayload;
    const second = payloadOf(await local.invoke('echo', {})) as EchoPayload;
    expect(second.pid).toBe(first.pid);
    expect(second.startedAt).toBe(first.startedAt);
    expect(second.requestId).not.toBe(first.requestId);
  });

  it('reports a thrown error as an Unhandled function error, logging the invocation', async () => {
    expect(await functionError('throws', { n: 1 })).toEqual({
      errorType: 'ChartFailure',
      errorMessage: 'the chart could not be drawn',
      trace: [],
    });
    const lines = local.lines.filter((line) => line.startsWith('[throws] '));
    expect(lines[0]).toMatch(/^\[throws\] START RequestId: \S+ Version: \$LATEST$/);
    expect(lines).toContain('[throws] about to fail for {"n":1}');
    expect(lines.at(-2)).toMatch(/^\[throws\] END RequestId: \S+$/);
    expect(lines.at(-1)).toMatch(/^\[throws\] REPORT RequestId: \S+\tDuration: [\d.]+ ms\t.*Init Duration/);
  });

  it('kills a function at its timeout, reports Task timed out, and starts a new process next time', async () => {
    const warm = payloadOf(await local.invoke('sleeps', { ms: 0 })) as { pid: number };
    const payload = (await functionError('sleeps', { ms: 3000 })) as { errorMessage: string };
    expect(payload.errorMessage).toMatch(/ Task timed out after 1\.00 seconds$/);
    expect(processExists(warm.pid)).toBe(false);
    const next = payloadOf(await local.invoke('sleeps', { ms: 0 })) as { pid: number };
    expect(next.pid).not.toBe(warm.pid);
  });

  it('answers an unknown function with 404 ResourceNotFoundException', async () => {
    const error = await local.invoke('alex-nothing', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error).toMatchObject({
      $metadata: { httpStatusCode: 404 },
      message: 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:alex-nothing',
    });
  });

  it('answers an InvocationType other than RequestResponse with InvalidParameterValueException', async () => {
    const error = await local.invoke('echo', {}, { InvocationType: 'Event' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidParameterValueException);
    expect(error).toMatchObject({ $metadata: { httpStatusCode: 400 } });
  });

  it('answers any other operation with 404 UnknownOperationException', async () => {
    const response = await fetch(`${local.endpoint.endpoint}/2021-10-31/functions/echo/url`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(await response.json()).toEqual({
      Type: 'User',
      Message: 'Unknown operation GET /2021-10-31/functions/echo/url',
    });
  });

  it('runs concurrent invocations in separate processes, one invocation per process', async () => {
    const outputs = await Promise.all([1, 2, 3].map(() => local.invoke('sleeps', { ms: 300 })));
    const pids = outputs.map((output) => (payloadOf(output) as { pid: number }).pid);
    expect(new Set(pids).size).toBe(3);
    expect(local.endpoint.pids('sleeps').sort()).toEqual([...pids].sort());
  });

  it.each([
    [
      'a process that exits mid-invocation',
      'crashes',
      { errorType: 'Runtime.ExitError', errorMessage: expect.stringContaining('exit status 3') },
    ],
    [
      'a bundle without the handler export',
      'no-handler',
      {
        errorType: 'Runtime.HandlerNotFound',
        errorMessage: 'no-handler.handler is undefined or not exported',
      },
    ],
    [
      'an init phase longer than the function timeout',
      'slow-init',
      { errorType: 'Runtime.InitTimeout', errorMessage: 'Init timed out after 1 seconds' },
    ],
  ])('reports %s as an Unhandled function error and keeps no process', async (_what, name, expected) => {
    expect(await functionError(name)).toMatchObject(expected);
    expect(local.endpoint.pids(name)).toEqual([]);
  });

  it('reports an error thrown while the bundle loads by its name, and tries again next time', async () => {
    for (const attempt of [1, 2]) {
      expect(await functionError('fails-init', { attempt })).toEqual({
        errorType: 'ConfigError',
        errorMessage: 'DATABASE_CLUSTER_ARN is required',
        trace: [],
      });
    }
    expect(local.endpoint.pids('fails-init')).toEqual([]);
  });
});
